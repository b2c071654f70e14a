using System.IO.Pipes;
using Previz.Rendering.Video;

namespace Previz.Rendering.Tests.Video;

public class PipeFeederTests
{
    [Fact]
    public async Task Frames_larger_than_the_pipe_arrive_intact_though_the_buffer_is_overwritten_as_soon_as_each_write_returns()
    {
        const int frameBytes = (3 << 20) + 123; // several pipe-fulls and not a whole number of pages
        const int frames = 6;
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        var reader = Task.Run(() =>
        {
            var received = new byte[frames * frameBytes];
            client.ReadExactly(received);
            return received;
        });

        var feeder = new PipeFeeder(server);
        var buffer = new byte[frameBytes];
        for (var f = 0; f < frames; f++)
        {
            Fill(buffer, f);
            feeder.Write(buffer);
        }

        // Scribble over the buffer once more: nothing already written may change.
        Array.Fill(buffer, (byte)0xEE);
        server.Close();

        var all = await reader.WaitAsync(TimeSpan.FromSeconds(60));
        var expected = new byte[frameBytes];
        for (var f = 0; f < frames; f++)
        {
            Fill(expected, f);
            Assert.True(all.AsSpan(f * frameBytes, frameBytes).SequenceEqual(expected), $"frame {f} differs");
        }

        if (OperatingSystem.IsLinux())
        {
            Assert.True(feeder.PipeBytes >= 1 << 16, "the pipe's capacity is known on Linux");
        }
    }

    [Fact]
    public void Writing_after_the_reader_has_gone_is_an_io_error()
    {
        var server = new AnonymousPipeServerStream(PipeDirection.Out);
        var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        server.DisposeLocalCopyOfClientHandle();
        client.Dispose();
        var feeder = new PipeFeeder(server);

        Assert.Throws<IOException>(() => feeder.Write(new byte[4 << 20]));
        server.Dispose();
    }

    private static void Fill(byte[] buffer, int frame)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)((i * 31) + (i >> 12) + (frame * 97));
        }
    }
}
