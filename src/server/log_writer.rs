//! The server's log writer: log lines are appended to one shared buffer, and
//! a thread of its own writes that buffer out in batches.
//!
//! The server logs one line per call. Handing each line to a writer thread
//! by itself (`tracing-appender`'s channel) cost an allocation, a channel
//! message and, on a server that is not saturated, a wake-up of the writer
//! thread for every line: two context switches per call on a two-core
//! machine (BENCHMARKS.md, "The server"). Here a line is copied into the
//! buffer under a lock (no allocation once the buffer has grown), the writer
//! thread is woken only when it sleeps with nothing to write, and after a
//! wake-up it waits [`BATCH_WINDOW`] so that the lines of that time are
//! written together: at most one wake-up and one `write` per window, and
//! none when the server is idle.
//!
//! No line is dropped or cut: past [`BUFFER_LIMIT`] bytes waiting, the
//! caller waits for the writer thread (a blocked standard error holds
//! calls rather than losing their lines, as before). Lines are written
//! whole and in the order they were logged; dropping the [`LogGuard`]
//! writes what is left.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::{JoinHandle, Thread};
use std::time::Duration;

use tracing_subscriber::fmt::MakeWriter;

/// How long the writer thread lets lines gather after it wakes up: a line
/// reaches the log at most this much (plus the write itself) after it was
/// logged.
pub const BATCH_WINDOW: Duration = Duration::from_millis(5);

/// Bytes of lines waiting beyond which a caller waits for the writer thread
/// (about 4,000 lines of a call's length).
pub const BUFFER_LIMIT: usize = 1 << 20;

/// The lines waiting, and whether the writer is to finish.
struct State {
    lines: Vec<u8>,
    closed: bool,
}

struct Shared {
    state: Mutex<State>,
    /// Callers waiting for room in a full buffer.
    room: Condvar,
    /// The writer thread is parked with nothing to write (or about to be).
    sleeping: AtomicBool,
    /// The writer thread, to unpark.
    thread: Thread,
    limit: usize,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn append(&self, line: &[u8]) {
        let mut state = self.lock();
        while state.lines.len() >= self.limit && !state.closed {
            state = self.room.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        state.lines.extend_from_slice(line);
        drop(state);
        if self.sleeping.swap(false, Ordering::AcqRel) {
            self.thread.unpark();
        }
    }
}

/// The `MakeWriter` of the log lines (cheap: borrows the shared buffer).
#[derive(Clone)]
pub struct LogWriter(Arc<Shared>);

/// One line's writer: appends what it is given to the shared buffer.
pub struct Lines<'a>(&'a Shared);

impl Write for Lines<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.append(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for LogWriter {
    type Writer = Lines<'a>;

    fn make_writer(&'a self) -> Lines<'a> {
        Lines(&self.0)
    }
}

/// Writes the lines left and stops the writer thread when dropped.
pub struct LogGuard {
    shared: Arc<Shared>,
    writer: Option<JoinHandle<()>>,
}

impl Drop for LogGuard {
    fn drop(&mut self) {
        self.shared.lock().closed = true;
        self.shared.room.notify_all();
        self.shared.thread.unpark();
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
    }
}

/// Starts the writer thread (`lisan-log`) over `sink`, with the default
/// window and limit.
pub fn spawn(sink: impl Write + Send + 'static) -> std::io::Result<(LogWriter, LogGuard)> {
    spawn_with(sink, BATCH_WINDOW, BUFFER_LIMIT)
}

/// [`spawn`] with a batch window and a buffer limit of one's choosing.
pub fn spawn_with(
    mut sink: impl Write + Send + 'static,
    window: Duration,
    limit: usize,
) -> std::io::Result<(LogWriter, LogGuard)> {
    let (handoff_tx, handoff_rx) = std::sync::mpsc::sync_channel::<Arc<Shared>>(1);
    let writer = std::thread::Builder::new()
        .name("lisan-log".into())
        .spawn(move || {
            let Ok(shared) = handoff_rx.recv() else {
                return;
            };
            let mut batch = Vec::new();
            while let Some(closing) = next_batch(&shared, window, &mut batch) {
                // A failed write (standard error closed) loses these lines
                // only; the server goes on.
                let _ = sink.write_all(&batch).and_then(|()| sink.flush());
                batch.clear();
                if closing && shared.lock().lines.is_empty() {
                    break;
                }
            }
        })?;
    let shared = Arc::new(Shared {
        state: Mutex::new(State {
            lines: Vec::new(),
            closed: false,
        }),
        room: Condvar::new(),
        sleeping: AtomicBool::new(false),
        thread: writer.thread().clone(),
        limit: limit.max(1),
    });
    // The thread started: it waits for this.
    let _ = handoff_tx.send(shared.clone());
    Ok((
        LogWriter(shared.clone()),
        LogGuard {
            shared,
            writer: Some(writer),
        },
    ))
}

/// Waits for lines, lets more gather for `window`, and swaps them into
/// `batch` (empty on entry). `None`: closed with nothing left to write;
/// otherwise whether the writer is closing.
fn next_batch(shared: &Shared, window: Duration, batch: &mut Vec<u8>) -> Option<bool> {
    let mut state = shared.lock();
    while state.lines.is_empty() {
        if state.closed {
            return None;
        }
        // Set under the lock: a caller that appends after this sees it.
        shared.sleeping.store(true, Ordering::Release);
        drop(state);
        std::thread::park();
        state = shared.lock();
    }
    if !state.closed && state.lines.len() < shared.limit {
        drop(state);
        std::thread::sleep(window);
        state = shared.lock();
    }
    std::mem::swap(&mut state.lines, batch);
    let closing = state.closed;
    drop(state);
    shared.room.notify_all();
    Some(closing)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sink that keeps what it is given, optionally slowly.
    #[derive(Clone, Default)]
    struct Sink {
        bytes: Arc<Mutex<Vec<u8>>>,
        writes: Arc<Mutex<usize>>,
        delay: Duration,
    }

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            std::thread::sleep(self.delay);
            self.bytes.lock().unwrap().extend_from_slice(buf);
            *self.writes.lock().unwrap() += 1;
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    fn log_lines(writer: &LogWriter, thread: usize, count: usize) {
        for i in 0..count {
            let line = format!("thread {thread} line {i} {}\n", "x".repeat(i % 97));
            writer.make_writer().write_all(line.as_bytes()).unwrap();
        }
    }

    /// Every line of every thread, whole, each thread's in its order.
    fn check(written: &[u8], threads: usize, count: usize) {
        let text = String::from_utf8(written.to_vec()).unwrap();
        let mut next = vec![0; threads];
        for line in text.lines() {
            let mut words = line.split(' ');
            assert_eq!(words.next(), Some("thread"), "{line}");
            let thread: usize = words.next().unwrap().parse().unwrap();
            assert_eq!(words.next(), Some("line"));
            let i: usize = words.next().unwrap().parse().unwrap();
            assert_eq!(i, next[thread], "thread {thread}: out of order");
            assert_eq!(words.next().unwrap(), "x".repeat(i % 97));
            next[thread] += 1;
        }
        assert_eq!(next, vec![count; threads]);
    }

    #[test]
    fn lines_from_many_threads_are_written_whole_in_order_and_none_is_lost() {
        let sink = Sink::default();
        let (writer, guard) = spawn(sink.clone()).unwrap();
        std::thread::scope(|s| {
            for t in 0..4 {
                let writer = writer.clone();
                s.spawn(move || log_lines(&writer, t, 5_000));
            }
        });
        drop(guard);
        check(&sink.bytes.lock().unwrap(), 4, 5_000);
        // Written in batches, not line by line.
        assert!(*sink.writes.lock().unwrap() < 20_000);
    }

    #[test]
    fn a_slow_sink_makes_callers_wait_instead_of_losing_lines() {
        let sink = Sink {
            delay: Duration::from_millis(2),
            ..Sink::default()
        };
        // A buffer of 4 KB: the callers fill it many times over.
        let (writer, guard) = spawn_with(sink.clone(), Duration::from_millis(1), 4096).unwrap();
        std::thread::scope(|s| {
            for t in 0..2 {
                let writer = writer.clone();
                s.spawn(move || log_lines(&writer, t, 2_000));
            }
        });
        drop(guard);
        check(&sink.bytes.lock().unwrap(), 2, 2_000);
    }

    #[test]
    fn a_line_logged_on_an_idle_server_is_written_without_waiting_for_the_end() {
        let sink = Sink::default();
        let (writer, _guard) = spawn(sink.clone()).unwrap();
        std::thread::sleep(Duration::from_millis(20));
        writer.make_writer().write_all(b"alone\n").unwrap();
        let written = (0..500).any(|_| {
            std::thread::sleep(Duration::from_millis(10));
            sink.bytes.lock().unwrap().as_slice() == b"alone\n"
        });
        assert!(written, "the line was not written while the server ran");
    }
}
