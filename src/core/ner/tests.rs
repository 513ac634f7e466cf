//! Tests of the named-entity pipeline.
