//! The `lisan` binary: see `lisan --help`.

fn main() -> std::process::ExitCode {
    lisan::cli::main()
}
