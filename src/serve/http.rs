//! The HTTP side of `beacon serve`: hyper on a small tokio runtime, so a connection costs a task
//! and a socket, never a thread.
//!
//! Everything a client can hold is bounded in count and in time:
//! - at most [`MAX_CONNECTIONS`] open connections; past that a client gets `503` at once;
//! - at most [`MAX_EVENT_STREAMS`] of them live-reload streams; past that `503`;
//! - a client must send its request head within [`HEADER_TIMEOUT`] (also for the next request on
//!   a kept-alive connection);
//! - a client that reads nothing for [`WRITE_STALL`] while the server has bytes for it is cut
//!   off, so slow or stuck readers free their place;
//! - the runtime has [`WORKER_THREADS`] threads, whatever the load.
//!
//! Listening on loopback, only requests addressed to a loopback name are answered (`Host` of
//! `localhost`, `*.localhost` or a loopback IP): a web page elsewhere that points its own
//! domain at 127.0.0.1 (DNS rebinding) cannot read the preview, drafts included.
//!
//! Responses share the snapshot's bytes (`Bytes` clones, no copy), so fifty clients fetching
//! one 8 MB file cost the socket buffers, not fifty copies.

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use futures_util::stream;
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Full, StreamBody};
use hyper::body::{Frame, Incoming};
use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE, RETRY_AFTER};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};
use tokio::time::{sleep, Instant, Sleep};

use super::respond::{respond, text, Snapshot, EVENTS_PATH};

/// Threads answering requests, however many clients there are.
pub const WORKER_THREADS: usize = 2;
/// Threads that answer requests for files (see [`answer`]), however many clients there are.
pub const BLOCKING_THREADS: usize = 2;
/// Open connections at once, event streams included; kept under the usual 1,024 open-file limit.
pub const MAX_CONNECTIONS: usize = 768;
/// Open live-reload streams at once (browser tabs showing the preview).
pub const MAX_EVENT_STREAMS: usize = 512;
/// Time a client has to send a request head.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Time a client may leave the server's writes waiting before it is disconnected.
pub const WRITE_STALL: Duration = Duration::from_secs(10);
/// A comment line this often keeps idle event streams open and finds closed ones.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

type Body = UnsyncBoxBody<Bytes, Infallible>;

/// The builds to serve: the current one, and a signal each time a new one is swapped in.
pub type Builds = watch::Receiver<Arc<Snapshot>>;

/// The runtime that serves: its threads are named `beacon-http`.
pub fn runtime() -> io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(WORKER_THREADS)
        // Requests are answered here (a file may be rendered on its first request).
        .max_blocking_threads(BLOCKING_THREADS)
        .thread_name("beacon-http")
        .enable_io()
        .enable_time()
        .build()
}

/// Listens on `address` with a backlog deep enough that a burst of connections waits in the
/// kernel's queue instead of having its SYNs dropped and retried a second later.
pub fn listen(address: SocketAddr) -> io::Result<TcpListener> {
    let socket = match address {
        SocketAddr::V4(_) => TcpSocket::new_v4()?,
        SocketAddr::V6(_) => TcpSocket::new_v6()?,
    };
    // As std does on Unix: a restarted preview can take its port back at once.
    socket.set_reuseaddr(true)?;
    socket.bind(address)?;
    socket.listen(1024)
}

/// Accepts connections until the runtime is dropped. `loopback_only`: refuse requests whose
/// `Host` is not a loopback name (see the module notes).
pub async fn accept(listener: TcpListener, builds: Builds, loopback_only: bool) {
    let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let streams = Arc::new(Semaphore::new(MAX_EVENT_STREAMS));
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file descriptors, or a connection reset before it was accepted: wait a
            // moment instead of spinning, then go on.
            Err(_) => {
                sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let permit = Arc::clone(&connections).try_acquire_owned();
        let builds = builds.clone();
        let streams = Arc::clone(&streams);
        tokio::spawn(async move {
            match permit {
                Ok(permit) => connection(stream, builds, streams, permit, loopback_only).await,
                Err(_) => refuse(stream).await,
            }
        });
    }
}

/// Serves one connection, holding its place until it closes.
async fn connection(
    stream: TcpStream,
    builds: Builds,
    streams: Arc<Semaphore>,
    _place: OwnedSemaphorePermit,
    loopback_only: bool,
) {
    let _ = stream.set_nodelay(true);
    let io = TokioIo::new(StallGuard::new(stream, WRITE_STALL));
    let service = service_fn(move |request: Request<Incoming>| {
        let builds = builds.clone();
        let streams = Arc::clone(&streams);
        async move {
            let answer = if loopback_only && !addressed_to_loopback(&request) {
                text(
                    StatusCode::FORBIDDEN,
                    "403 Forbidden: this preview answers only to localhost.\n",
                )
                .map(|bytes| Full::new(bytes).boxed_unsync())
            } else {
                answer(&request, &builds, &streams).await
            };
            Ok::<_, Infallible>(answer)
        }
    });
    let _ = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .serve_connection(io, service)
        .await;
}

/// Tells a client over the connection limit to come back. Its request is read (briefly) first,
/// so closing does not reset the connection under a client that is still sending.
async fn refuse(mut stream: TcpStream) {
    let mut request = [0u8; 8192];
    let _ = tokio::time::timeout(Duration::from_millis(200), stream.read(&mut request)).await;
    let answer = b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 30\r\nConnection: close\r\n\r\nToo many connections; retry.\r\n";
    let _ = tokio::time::timeout(WRITE_STALL, async {
        stream.write_all(answer).await?;
        stream.shutdown().await
    })
    .await;
}

async fn answer(request: &Request<Incoming>, builds: &Builds, streams: &Arc<Semaphore>) -> Response<Body> {
    let path = request.uri().path();
    if path == EVENTS_PATH && request.method() == Method::GET {
        return match Arc::clone(streams).try_acquire_owned() {
            Ok(place) => events(builds.clone(), place),
            Err(_) => {
                let mut busy = text(StatusCode::SERVICE_UNAVAILABLE, "Too many live-reload streams.\n");
                busy.headers_mut()
                    .insert(RETRY_AFTER, HeaderValue::from_static("5"));
                busy.map(|bytes| Full::new(bytes).boxed_unsync())
            }
        };
    }
    let snapshot = Arc::clone(&builds.borrow());
    // A file may be rendered on this first request: that blocks, so not on a runtime thread.
    let (method, path) = (request.method().clone(), path.to_string());
    let response = tokio::task::spawn_blocking(move || respond(&method, &path, &snapshot))
        .await
        .unwrap_or_else(|_| text(StatusCode::INTERNAL_SERVER_ERROR, "500 Internal Server Error\n"));
    response.map(|bytes| Full::new(bytes).boxed_unsync())
}

/// Whether the request names a loopback host: `localhost`, a `*.localhost` name (RFC 6761
/// keeps them on this machine) or a loopback IP, with any port. A request without a host (an
/// HTTP/1.0 client) is not a browser page and is let through.
fn addressed_to_loopback<B>(request: &Request<B>) -> bool {
    let host = match request.uri().host() {
        Some(host) => host.to_string(),
        None => match request.headers().get(hyper::header::HOST) {
            None => return true,
            Some(value) => match value.to_str() {
                Ok(value) => value.to_string(),
                Err(_) => return false,
            },
        },
    };
    is_loopback_host(&host)
}

/// `host` (with or without `:port`, IPv6 in brackets) names this machine's loopback.
fn is_loopback_host(host: &str) -> bool {
    let name = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(name, _)| name)
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The live-reload stream: `hello` with the current build's number, then `reload` with each new
/// one, and a comment every [`KEEP_ALIVE`] so a closed page is noticed. Holds `place` until the
/// client goes.
fn events(mut builds: Builds, place: OwnedSemaphorePermit) -> Response<Body> {
    let generation = builds.borrow_and_update().generation;
    let hello = Bytes::from(format!("retry: 500\nevent: hello\ndata: {generation}\n\n"));
    let state = (builds, Some(hello), place);
    let frames = stream::unfold(state, |(mut builds, first, place)| async move {
        if let Some(hello) = first {
            return Some((Ok(Frame::data(hello)), (builds, None, place)));
        }
        let message = tokio::select! {
            changed = builds.changed() => {
                // The sender is gone: the server is stopping, so the stream ends.
                changed.ok()?;
                let generation = builds.borrow_and_update().generation;
                Bytes::from(format!("event: reload\ndata: {generation}\n\n"))
            }
            () = sleep(KEEP_ALIVE) => Bytes::from_static(b": keep-alive\n\n"),
        };
        Some((Ok(Frame::data(message)), (builds, None, place)))
    });
    let mut response = Response::new(StreamBody::new(frames).boxed_unsync());
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// A socket whose writes fail with `TimedOut` once the peer has read nothing for `limit` while
/// the server had bytes waiting: what frees the place of a client that stopped reading.
struct StallGuard {
    stream: TcpStream,
    limit: Duration,
    /// Armed when a write first has to wait; disarmed by any write that goes through.
    stalled: Option<Pin<Box<Sleep>>>,
}

impl StallGuard {
    fn new(stream: TcpStream, limit: Duration) -> StallGuard {
        StallGuard {
            stream,
            limit,
            stalled: None,
        }
    }

    /// Runs one write attempt under the stall deadline.
    fn guard<T>(
        &mut self,
        cx: &mut Context<'_>,
        attempt: impl FnOnce(Pin<&mut TcpStream>, &mut Context<'_>) -> Poll<io::Result<T>>,
    ) -> Poll<io::Result<T>> {
        match attempt(Pin::new(&mut self.stream), cx) {
            Poll::Ready(result) => {
                self.stalled = None;
                Poll::Ready(result)
            }
            Poll::Pending => {
                let limit = self.limit;
                let deadline = self
                    .stalled
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(Instant::now() + limit)));
                match deadline.as_mut().poll(cx) {
                    Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "the client stopped reading",
                    ))),
                    Poll::Pending => Poll::Pending,
                }
            }
        }
    }
}

impl AsyncRead for StallGuard {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for StallGuard {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        self.guard(cx, |stream, cx| stream.poll_write(cx, buf))
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        self.guard(cx, |stream, cx| stream.poll_write_vectored(cx, bufs))
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.guard(cx, |stream, cx| stream.poll_flush(cx))
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.guard(cx, |stream, cx| stream.poll_shutdown(cx))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_are_loopback_hosts() {
        for host in [
            "127.0.0.1:8000",
            "127.0.0.1",
            "127.1.2.3:9",
            "localhost:8000",
            "LOCALHOST",
            "preview.localhost:8000",
            "[::1]:8000",
            "[::1]",
            "localhost.",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "evil.example:8000",
            "localhost.evil.example",
            "127.0.0.1.evil.example",
            "10.0.0.1:8000",
            "[::2]:80",
            "",
            "evillocalhost",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }
}
