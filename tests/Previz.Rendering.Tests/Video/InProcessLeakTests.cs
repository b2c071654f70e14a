using Previz.Rendering.Video;

namespace Previz.Rendering.Tests.Video;

/// <summary>The server calls the library thousands of times: what each call allocates must be freed.</summary>
[Collection(ProcessWideMediaTests.Name)]
public sealed class InProcessLeakTests
{
    [Fact]
    public async Task Two_thousand_probes_and_posters_leave_the_resident_memory_where_it_was()
    {
        var poster = TestVideos.Output(".jpg");
        var notMedia = TestVideos.Output(".mp4");
        await File.WriteAllTextAsync(notMedia, "<html>expired</html>");
        async Task RoundAsync()
        {
            Assert.Equal(12, (await LibavMedia.ProbeAsync(TestVideos.Tiny, CancellationToken.None)).FrameCount);
            await LibavMedia.PosterAsync(TestVideos.Tiny, poster, 0.25, 640, 4, CancellationToken.None);
            await Assert.ThrowsAsync<VideoEncodingException>(() => LibavMedia.ProbeAsync(notMedia, CancellationToken.None));
        }

        for (var i = 0; i < 200; i++)
        {
            await RoundAsync(); // warm-up: thread-pool threads, FFmpeg's tables, the JIT
        }

        var before = ResidentMegabytes();
        for (var i = 0; i < 2000; i++)
        {
            await RoundAsync();
        }

        var growth = ResidentMegabytes() - before;

        // One lost frame, decoder or I/O buffer per call would be 40 MB and more here; the noise is a few MB.
        Assert.True(growth < 16, $"resident memory grew {growth:0.0} MB over 2000 rounds");
    }

    private static double ResidentMegabytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
