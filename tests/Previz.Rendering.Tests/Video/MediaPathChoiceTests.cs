using Previz.Rendering.Video;

namespace Previz.Rendering.Tests.Video;

/// <summary>Which path a probe takes: in-process when the library is there, the ffprobe process when asked for.</summary>
[Collection(ProcessWideMediaTests.Name)]
public sealed class MediaPathChoiceTests
{
    [Fact]
    public void The_in_process_library_is_built_and_loads()
    {
        // Fails rather than skips: the test install brings FFmpeg's dev packages, so a missing library is a broken build.
        Assert.True(LibavMedia.IsAvailable,
            "libprevizmedia.so did not build or load: scripts/install-deps.sh test installs gcc, pkg-config and FFmpeg's dev packages, and the Previz.Rendering build compiles it.");
        Assert.StartsWith("previz-media 3 (Lavf", LibavMedia.Version, StringComparison.Ordinal);
        Assert.True(LibavMedia.IsUsedFor(null));
    }

    [Fact]
    public async Task A_probe_runs_in_process_with_no_ffprobe_on_the_path()
    {
        var expected = await Ffprobe.ProbeWithProcessAsync(TestVideos.H264, null, CancellationToken.None);
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", "/nonexistent");
        try
        {
            Assert.Equal(expected, await Ffprobe.ProbeAsync(TestVideos.H264, cancellationToken: CancellationToken.None));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    [Fact]
    public async Task PREVIZ_MEDIA_PROCESSES_1_makes_probes_launch_ffprobe_again()
    {
        var expected = await LibavMedia.ProbeAsync(TestVideos.Ntsc, CancellationToken.None);
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable(LibavMedia.ProcessesVariable, "1");
        try
        {
            Assert.False(LibavMedia.IsAvailable);
            Assert.Equal(expected, await Ffprobe.ProbeAsync(TestVideos.Ntsc, cancellationToken: CancellationToken.None));

            // Proof that it was the process: without ffprobe on the path the same call cannot find it.
            Environment.SetEnvironmentVariable("PATH", "/nonexistent");
            var error = await Assert.ThrowsAsync<ToolNotFoundException>(() => Ffprobe.ProbeAsync(TestVideos.Ntsc, cancellationToken: CancellationToken.None));
            Assert.Equal("ffprobe", error.Tool);
        }
        finally
        {
            Environment.SetEnvironmentVariable(LibavMedia.ProcessesVariable, null);
            Environment.SetEnvironmentVariable("PATH", path);
        }

        Assert.True(LibavMedia.IsAvailable);
    }

    [Fact]
    public async Task A_configured_ffprobe_program_is_the_one_that_runs()
    {
        var options = new FfmpegOptions { FfprobePath = "/usr/bin/ffprobe" };

        Assert.False(LibavMedia.IsUsedFor(options));
        Assert.Equal(await LibavMedia.ProbeAsync(TestVideos.H264, CancellationToken.None), await Ffprobe.ProbeAsync(TestVideos.H264, options, CancellationToken.None));
    }
}
