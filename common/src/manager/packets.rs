//! The manager's socket: a Unix `SOCK_SEQPACKET` socket at an abstract address, read and written
//! as a stream of bytes (a frame may span records), each record at most [`RECORD`] bytes.
//!
//! Why not `SOCK_STREAM`, as CPython's manager and `std`'s `UnixStream` use: on the machines this
//! course is measured on, a blocking round trip of a few bytes on a `SOCK_STREAM` pair costs about
//! twice one on a `SOCK_SEQPACKET` pair (`bench`: `raw_socketpair_roundtrip` against
//! `raw_seqpacket_roundtrip`, the same system calls), and a set+get is two round trips. What a
//! record adds: a read must offer room for a whole one, or the rest of it is lost, so each read
//! here takes a record into a buffer of [`RECORD`] bytes; a record larger than that (which only a
//! peer that does not follow the protocol sends) is an error, not a silently cut frame.

use nix::sys::socket::{
    self, AddressFamily, Backlog, MsgFlags, SockFlag, SockType, UnixAddr, accept4,
};
use std::io::{self, ErrorKind, Read, Write};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};

/// The largest record either side writes, and the room every read offers.
pub(super) const RECORD: usize = 64 * 1024;

/// One end of a connection.
#[derive(Debug)]
pub(super) struct Packets {
    fd: OwnedFd,
    /// A record read for a caller that offered less room than [`RECORD`], and how much of it was
    /// handed out.
    held: Vec<u8>,
    taken: usize,
}

fn seqpacket(flags: SockFlag) -> io::Result<OwnedFd> {
    let flags = flags | SockFlag::SOCK_CLOEXEC;
    Ok(socket::socket(
        AddressFamily::Unix,
        SockType::SeqPacket,
        flags,
        None,
    )?)
}

/// Listens at the abstract address `name`, non-blocking (the server polls it).
pub(super) fn listen(name: &[u8]) -> io::Result<OwnedFd> {
    let fd = seqpacket(SockFlag::SOCK_NONBLOCK)?;
    socket::bind(fd.as_raw_fd(), &UnixAddr::new_abstract(name)?)?;
    socket::listen(&fd, Backlog::MAXCONN)?;
    Ok(fd)
}

/// Takes one waiting connection from `listener` (made non-blocking, as the server wants it).
pub(super) fn accept(listener: BorrowedFd<'_>) -> io::Result<Packets> {
    let flags = SockFlag::SOCK_CLOEXEC | SockFlag::SOCK_NONBLOCK;
    Ok(Packets::new(accept4(listener, flags)?))
}

impl Packets {
    fn new(fd: OwnedFd) -> Self {
        Packets {
            fd,
            held: Vec::new(),
            taken: 0,
        }
    }

    /// Connects to the abstract address `name`.
    pub(super) fn connect(name: &[u8]) -> io::Result<Packets> {
        let fd = seqpacket(SockFlag::empty())?;
        socket::connect(fd.as_raw_fd(), &UnixAddr::new_abstract(name)?)?;
        Ok(Packets::new(fd))
    }

    /// One record into `room` (at least [`RECORD`] bytes): its length, 0 at the end.
    fn record(&self, room: &mut [u8]) -> io::Result<usize> {
        // `MSG_TRUNC`: the record's whole length, even where it did not fit.
        let length = socket::recv(self.fd.as_raw_fd(), room, MsgFlags::MSG_TRUNC)?;
        if length > room.len() {
            return Err(io::Error::new(
                ErrorKind::InvalidData,
                "a record longer than the protocol allows",
            ));
        }
        Ok(length)
    }
}

impl Read for Packets {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.taken == self.held.len() {
            if buf.len() >= RECORD {
                return self.record(buf);
            }
            let mut held = std::mem::take(&mut self.held);
            held.resize(RECORD, 0);
            let length = self.record(&mut held);
            held.truncate(*length.as_ref().unwrap_or(&0));
            (self.held, self.taken) = (held, 0);
            length?;
        }
        let n = buf.len().min(self.held.len() - self.taken);
        buf[..n].copy_from_slice(&self.held[self.taken..self.taken + n]);
        self.taken += n;
        Ok(n)
    }
}

impl Write for Packets {
    /// Up to [`RECORD`] bytes of `buf` as one record. `MSG_NOSIGNAL`: a peer gone is an error,
    /// not a `SIGPIPE`.
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let record = &buf[..buf.len().min(RECORD)];
        Ok(socket::send(
            self.fd.as_raw_fd(),
            record,
            MsgFlags::MSG_NOSIGNAL,
        )?)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl AsFd for Packets {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair() -> (Packets, Packets) {
        let (a, b) = socket::socketpair(
            AddressFamily::Unix,
            SockType::SeqPacket,
            None,
            SockFlag::SOCK_CLOEXEC,
        )
        .expect("socketpair");
        (Packets::new(a), Packets::new(b))
    }

    /// Bytes written in records come out as the same stream, whatever room each read offers.
    #[test]
    fn records_read_as_a_stream() {
        let (mut a, mut b) = pair();
        let sent: Vec<u8> = (0..RECORD * 2 + 10).map(|i| i as u8).collect();
        let writer = std::thread::spawn(move || a.write_all(&sent).map(|()| sent));
        let mut got = vec![0u8; 3];
        b.read_exact(&mut got).expect("3 bytes");
        let mut rest = vec![0u8; RECORD * 2 + 7];
        b.read_exact(&mut rest).expect("the rest");
        got.extend(rest);
        assert_eq!(got, writer.join().expect("writer").expect("written"));
    }

    /// A record larger than [`RECORD`] is an error, not a frame cut short.
    #[test]
    fn a_record_too_long_is_refused() {
        let (a, mut b) = pair();
        let big = vec![7u8; RECORD + 1];
        socket::send(a.fd.as_raw_fd(), &big, MsgFlags::empty()).expect("send");
        let error = b.read(&mut [0u8; 4]).expect_err("too long");
        assert_eq!(error.kind(), ErrorKind::InvalidData);
    }
}
