//! Lingering close of client connections (as nginx's `lingering_close`).
//!
//! When a server closes a TCP socket with client bytes still unread (a
//! WINDOW_UPDATE or PING that arrived after the last read), the kernel
//! sends RST instead of FIN, and the client's kernel then discards the
//! response bytes the client has not read yet: a call that completed on
//! the server fails on the client with "connection reset". Under load, at
//! a graceful shutdown, that cut off large answers already sent.
//!
//! So a connection, when the server is done with it, first sends FIN, then
//! reads and discards what the client still sends until the client closes
//! or [`LINGER`] passes; only then is the socket closed. The server waits
//! for these closes (bounded by [`LINGER`]) before it returns.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::TcpStream;
use tokio::sync::mpsc;
use tonic::transport::server::{Connected, TcpConnectInfo};

/// How long a closing connection waits for the client to close its side.
pub const LINGER: Duration = Duration::from_secs(2);

/// Counts the connections that are open or still lingering.
pub struct Closes {
    opener: Opener,
    done: mpsc::Receiver<()>,
}

/// Wraps accepted connections so that [`Closes`] counts them.
#[derive(Clone)]
pub struct Opener(mpsc::Sender<()>);

impl Closes {
    pub fn new() -> Self {
        let (open, done) = mpsc::channel(1);
        Closes {
            opener: Opener(open),
            done,
        }
    }

    pub fn opener(&self) -> Opener {
        self.opener.clone()
    }

    /// Waits until every connection wrapped so far is closed, or `bound`.
    pub async fn wait(self, bound: Duration) {
        let Closes { opener, mut done } = self;
        drop(opener);
        let _ = tokio::time::timeout(bound, done.recv()).await;
    }
}

impl Default for Closes {
    fn default() -> Self {
        Closes::new()
    }
}

impl Opener {
    /// `stream`, closed with a linger when dropped.
    pub fn wrap(&self, stream: TcpStream) -> LingeringStream {
        LingeringStream {
            stream: Some(stream),
            open: self.0.clone(),
        }
    }
}

/// A client connection that lingers when closed (see the module docs).
pub struct LingeringStream {
    stream: Option<TcpStream>,
    /// Held until the socket is closed, so [`Closes::wait`] sees it.
    open: mpsc::Sender<()>,
}

impl LingeringStream {
    fn stream(&mut self) -> Pin<&mut TcpStream> {
        Pin::new(self.stream.as_mut().expect("present until dropped"))
    }
}

impl Drop for LingeringStream {
    fn drop(&mut self) {
        let Some(stream) = self.stream.take() else {
            return;
        };
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let open = self.open.clone();
        runtime.spawn(async move {
            let _ = tokio::time::timeout(LINGER, drain(stream)).await;
            drop(open);
        });
    }
}

/// Sends FIN, then reads until the client closes (or fails).
async fn drain(mut stream: TcpStream) {
    let _ = stream.shutdown().await;
    let mut sink = [0u8; 4096];
    while matches!(stream.read(&mut sink).await, Ok(n) if n > 0) {}
}

impl AsyncRead for LingeringStream {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        self.stream().poll_read(cx, buf)
    }
}

impl AsyncWrite for LingeringStream {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.stream().poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        self.stream().poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.as_ref().is_some_and(|s| s.is_write_vectored())
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.stream().poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.stream().poll_shutdown(cx)
    }
}

impl Connected for LingeringStream {
    type ConnectInfo = TcpConnectInfo;

    fn connect_info(&self) -> TcpConnectInfo {
        self.stream
            .as_ref()
            .expect("present until dropped")
            .connect_info()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::net::TcpListener;

    /// The server answers and closes with the client's last bytes unread;
    /// the client reads the answer only afterwards. What it gets.
    async fn answer_read_after_the_close(linger: bool) -> io::Result<usize> {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap())
            .await
            .unwrap();
        let (stream, _) = listener.accept().await.unwrap();
        client.write_all(b"hello, and more").await.unwrap();
        let closes = Closes::new();
        let answer = vec![7u8; 64 * 1024];
        if linger {
            let mut stream = closes.opener().wrap(stream);
            stream.read_exact(&mut [0u8; 5]).await.unwrap();
            stream.write_all(&answer).await.unwrap();
        } else {
            let mut stream = stream;
            stream.read_exact(&mut [0u8; 5]).await.unwrap();
            stream.write_all(&answer).await.unwrap();
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
        let mut got = Vec::new();
        let read = client.read_to_end(&mut got).await.map(|_| got.len());
        drop(client);
        closes.wait(LINGER).await;
        read
    }

    #[tokio::test]
    async fn an_answer_survives_a_close_with_client_bytes_unread() {
        assert_eq!(answer_read_after_the_close(true).await.unwrap(), 64 * 1024);
    }

    #[tokio::test]
    async fn without_the_linger_the_client_gets_a_reset() {
        // What the linger is for: the kernel discards the answer.
        let error = answer_read_after_the_close(false).await.unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::ConnectionReset);
    }
}
