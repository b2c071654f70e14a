using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace Previz.Rendering.Video;

/// <summary>
/// Writes whole frames into the pipe to ffmpeg's stdin with blocking system calls, as cheaply as Linux allows. The pipe
/// is enlarged to 1 MiB (from 64 KiB), so ffmpeg and we wake each other a few times per 8 MB frame instead of a
/// hundred. All of a frame but its last pipe-full is handed over with vmsplice, which lends ffmpeg our pages instead
/// of copying them; the last pipe-full is copied with write. When that write returns, every lent page has been read
/// (the pipe is first in, first out and cannot hold a pipe-full of new data while any lent page is still in it), so the
/// caller may reuse its buffer as soon as <see cref="Write"/> returns. Elsewhere (or if a call is refused) it falls
/// back to the stream's ordinary Write.
/// </summary>
internal sealed partial class PipeFeeder
{
    private const int RequestedPipeBytes = 1 << 20;
    private const int FSetPipeSize = 1031; // F_SETPIPE_SZ (linux/fcntl.h)
    private const int FGetPipeSize = 1032; // F_GETPIPE_SZ
    private const int EIntr = 4;
    private const int EAgain = 11;
    private const int EPipe = 32;
    private const short PollOut = 0x4;

    private readonly Stream _stream;
    private readonly SafeHandle? _handle;
    private readonly int _pipeBytes;
    private bool _native;

    public PipeFeeder(Stream stream)
    {
        _stream = stream;
        if (OperatingSystem.IsLinux() && stream is PipeStream pipe)
        {
            _handle = pipe.SafePipeHandle;
            var fd = (int)_handle.DangerousGetHandle();
            try
            {
                _ = Fcntl(fd, FSetPipeSize, RequestedPipeBytes); // may be refused (per-user pipe limits): keep what we have
                _pipeBytes = Fcntl(fd, FGetPipeSize, 0);
                _native = _pipeBytes > 0;
            }
            catch (EntryPointNotFoundException)
            {
            }
            catch (DllNotFoundException)
            {
            }
        }
    }

    /// <summary>The pipe's capacity in bytes (0 when not known).</summary>
    public int PipeBytes => _pipeBytes;

    /// <summary>Writes all of <paramref name="data"/>; throws <see cref="IOException"/> when the reader has gone.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (!_native)
        {
            _stream.Write(data);
            return;
        }

        var added = false;
        try
        {
            _handle!.DangerousAddRef(ref added);
            var fd = (int)_handle.DangerousGetHandle();
            var lent = Math.Max(0, data.Length - _pipeBytes);
            if (lent > 0 && !Lend(fd, data[..lent]))
            {
                // vmsplice refused outright (nothing was lent): copy everything instead.
                _native = false;
                _stream.Write(data);
                return;
            }

            Copy(fd, data[lent..]);
        }
        finally
        {
            if (added)
            {
                _handle!.DangerousRelease();
            }
        }
    }

    private static unsafe bool Lend(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            var done = 0L;
            while (done < data.Length)
            {
                var iov = new IoVec { Base = start + done, Length = (nuint)(data.Length - done) };
                var n = VmSplice(fd, &iov, 1, 0);
                if (n >= 0)
                {
                    done += n;
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == EIntr)
                {
                    continue;
                }

                if (errno == EAgain)
                {
                    WaitWritable(fd);
                    continue;
                }

                if (done == 0 && errno != EPipe)
                {
                    return false;
                }

                throw Broken(errno);
            }
        }

        return true;
    }

    private static unsafe void Copy(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            var done = 0L;
            while (done < data.Length)
            {
                var n = WriteNative(fd, start + done, (nuint)(data.Length - done));
                if (n >= 0)
                {
                    done += n;
                    continue;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno == EIntr)
                {
                    continue;
                }

                if (errno == EAgain)
                {
                    WaitWritable(fd);
                    continue;
                }

                throw Broken(errno);
            }
        }
    }

    /// <summary>For a pipe left non-blocking: sleep in poll until the reader makes room.</summary>
    private static unsafe void WaitWritable(int fd)
    {
        var p = new PollFd { Fd = fd, Events = PollOut };
        _ = Poll(&p, 1, 1000);
    }

    private static IOException Broken(int errno) =>
        new($"Writing to the ffmpeg pipe failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "vmsplice", SetLastError = true)]
    private static unsafe partial nint VmSplice(int fd, IoVec* iov, nuint count, uint flags);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint WriteNative(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct IoVec
    {
        public byte* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
