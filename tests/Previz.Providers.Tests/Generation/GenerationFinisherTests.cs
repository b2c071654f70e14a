using System.Diagnostics;
using Previz.Providers.Errors;
using Previz.Providers.Generation;
using Previz.Rendering.Video;

namespace Previz.Providers.Tests.Generation;

/// <summary>Finishing a vendor clip through the media boundary: copied when playable, trimmed frame-exact when long, refused when broken.</summary>
public sealed class GenerationFinisherTests : IDisposable
{
    private readonly MediaTool _media = MediaTool.Default;
    private readonly string _folder = Directory.CreateTempSubdirectory("previz-finisher-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_playable_clip_is_copied_with_its_audio_every_frame_and_the_index_first()
    {
        var vendorClip = MakeVendorClip();
        var output = Path.Combine(_folder, "finished.mp4");

        var finished = await new GenerationFinisher().FinishVideoAsync(vendorClip, 0, output, CancellationToken.None);

        Assert.Equal("streams copied, +faststart", finished.Processing);
        var probe = await _media.ProbeAsync(output, CancellationToken.None);
        Assert.Equal(new VideoProbe("h264", "yuv420p", 640, 360, 30, 30, 60, 2), probe);
        Assert.Equal(probe, finished.Video);
        Assert.Equal(2, finished.SourceDurationSeconds);
        Assert.Equal(["video", "audio"], StreamTypes(output));
        var bytes = await File.ReadAllBytesAsync(output);
        Assert.True(IndexOf(bytes, "moov"u8) < IndexOf(bytes, "mdat"u8), "+faststart: the index comes before the media data");
        Assert.Empty(Directory.GetFiles(_folder, "*.partial"));
    }

    [Fact]
    public async Task A_clip_longer_than_the_shot_is_trimmed_on_the_frame_and_says_so()
    {
        var output = Path.Combine(_folder, "trimmed.mp4");

        var finished = await new GenerationFinisher().FinishVideoAsync(MakeVendorClip(), 1, output, CancellationToken.None);

        Assert.Equal("trimmed 2.000 s to 1.000 s, re-encoded to H.264, +faststart", finished.Processing);
        var probe = await _media.ProbeAsync(output, CancellationToken.None);
        Assert.Equal((30, 1.0), (probe.FrameCount, Math.Round(probe.DurationSeconds, 2)));
        Assert.Equal(["video", "audio"], StreamTypes(output));
    }

    [Fact]
    public async Task Without_ffprobe_a_clip_cannot_be_finished_and_the_error_says_how_to_install_it()
    {
        var finisher = new GenerationFinisher(new MediaTool(new FfmpegOptions { FfprobePath = Path.Combine(_folder, "no", "ffprobe") }));

        var error = await Assert.ThrowsAsync<ToolNotFoundException>(() =>
            finisher.FinishVideoAsync(MakeVendorClip(), 0, Path.Combine(_folder, "never.mp4"), CancellationToken.None));

        Assert.Contains("sudo apt-get install -y ffmpeg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_instead_of_a_video_is_refused_naming_the_download()
    {
        var page = Path.Combine(_folder, "download.mp4");
        await File.WriteAllTextAsync(page, "<html>expired</html>");
        var output = Path.Combine(_folder, "never.mp4");

        var error = await Assert.ThrowsAsync<UnexpectedMediaException>(() => new GenerationFinisher().FinishVideoAsync(page, 0, output, CancellationToken.None));

        Assert.StartsWith($"The result is not a playable video: ffprobe could not read \"{page}\": ", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task A_clip_behind_an_edit_list_is_copied_with_the_frames_it_shows()
    {
        // A vendor clip cut by stream copy half a second in: 60 packets, of which the edit list shows 45.
        var edited = Path.Combine(_folder, "edited.mp4");
        Run("ffmpeg", "-nostdin", "-v", "error", "-ss", "0.5", "-i", MakeVendorClip(), "-c", "copy", edited);
        var output = Path.Combine(_folder, "finished.mp4");

        var finished = await new GenerationFinisher().FinishVideoAsync(edited, 0, output, CancellationToken.None);

        Assert.Equal("streams copied, +faststart", finished.Processing);
        var decoded = await _media.ProbeAsync(output, CancellationToken.None);
        Assert.Equal((await _media.ProbeAsync(edited, CancellationToken.None)).FrameCount, decoded.FrameCount);
        Assert.Equal(decoded.FrameCount, finished.Video!.FrameCount);
    }

    [Fact]
    public async Task A_download_cut_off_after_its_index_is_refused_naming_how_far_it_got()
    {
        // The index first, then half the media data: what a dropped connection leaves of a faststart clip.
        var cut = Path.Combine(_folder, "download.mp4");
        var bytes = await File.ReadAllBytesAsync(MakeVendorClip("-movflags", "+faststart"));
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);
        var output = Path.Combine(_folder, "never.mp4");

        var error = await Assert.ThrowsAsync<UnexpectedMediaException>(() => new GenerationFinisher().FinishVideoAsync(cut, 0, output, CancellationToken.None));

        Assert.StartsWith($"The result is not a playable video: ffprobe could not read \"{cut}\": ", error.Message, StringComparison.Ordinal);
        Assert.Matches("ends after [0-9]+ of its 60 video packets", error.Message);
        Assert.False(File.Exists(output));
    }

    /// <summary>What a vendor returns: H.264 yuv420p with AAC, 2 s of 640×360 at 30 fps, the index last.</summary>
    private string MakeVendorClip(params string[] extraOutputOptions)
    {
        var clip = Path.Combine(_folder, $"vendor-{Guid.NewGuid():N}.mp4");
        Run("ffmpeg", ["-nostdin", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=30:duration=2", "-f", "lavfi",
            "-i", "sine=frequency=440:duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
            "-shortest", .. extraOutputOptions, clip]);
        return clip;
    }

    /// <summary>The type of each stream, read by the ffprobe process.</summary>
    private static string[] StreamTypes(string path) =>
        Run("ffprobe", "-v", "error", "-show_entries", "stream=codec_type", "-of", "csv=p=0", path)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program}: {error.Result}");
        return output;
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
