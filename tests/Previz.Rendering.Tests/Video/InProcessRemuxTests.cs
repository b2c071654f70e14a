using System.Diagnostics;
using Previz.Rendering.Video;

namespace Previz.Rendering.Tests.Video;

/// <summary>The in-process stream copy into MP4, checked with the ffprobe process.</summary>
public sealed class InProcessRemuxTests
{
    [Theory]
    [InlineData("h264-audio")]
    [InlineData("odd")]
    [InlineData("vp9")]
    public async Task A_stream_copy_keeps_every_frame_the_size_and_the_duration(string clip)
    {
        var input = clip switch
        {
            "h264-audio" => TestVideos.H264WithAudio,
            "odd" => TestVideos.OddFrameCount,
            _ => TestVideos.Vp9,
        };
        var output = TestVideos.Output(".mp4");

        await LibavMedia.RemuxAsync(input, output, faststart: true, CancellationToken.None);

        var before = await Ffprobe.ProbeWithProcessAsync(input, null, CancellationToken.None);
        var after = await Ffprobe.ProbeWithProcessAsync(output, null, CancellationToken.None);
        Assert.Equal((before.Codec, before.PixelFormat, before.Width, before.Height), (after.Codec, after.PixelFormat, after.Width, after.Height));
        Assert.Equal(before.FrameCount, after.FrameCount);
        // MP4 keeps WebM's millisecond timestamps in its own timescale: 24 fps may read as 24.02.
        Assert.Equal(before.AverageFrameRate, after.AverageFrameRate, 0.05);
        Assert.Equal(before.DurationSeconds, after.DurationSeconds, 0.002);
    }

    [Theory]
    [InlineData("h264")]
    [InlineData("h264-audio")]
    [InlineData("odd")]
    [InlineData("late-streams")]
    [InlineData("vp9")]
    public async Task A_stream_copy_is_byte_for_byte_the_ffmpeg_programs(string clip)
    {
        // Where the MP4 header alone is read (no decoding for stream info), the copy must still be ffmpeg's own.
        var input = clip == "late-streams" ? TestVideos.LateStreams : TestVideos.Named(clip);
        var ours = TestVideos.Output(".mp4");
        var ffmpegs = TestVideos.Output(".mp4");

        await LibavMedia.RemuxAsync(input, ours, faststart: true, CancellationToken.None);
        TestVideos.RunFfmpeg("-i", input, "-map", "0:v:0", "-map", "0:a:0?", "-c", "copy", "-movflags", "+faststart", "-f", "mp4", ffmpegs);

        Assert.Equal(await File.ReadAllBytesAsync(ffmpegs), await File.ReadAllBytesAsync(ours));
    }

    [Fact]
    public async Task The_first_audio_stream_comes_along_and_nothing_else()
    {
        var output = TestVideos.Output(".mp4");

        await LibavMedia.RemuxAsync(TestVideos.H264WithAudio, output, faststart: true, CancellationToken.None);

        Assert.Equal(["video h264", "audio aac"], await StreamsAsync(output));
    }

    [Fact]
    public async Task Faststart_puts_the_index_before_the_media_data()
    {
        var fast = TestVideos.Output(".mp4");
        var plain = TestVideos.Output(".mp4");

        await LibavMedia.RemuxAsync(TestVideos.H264WithAudio, fast, faststart: true, CancellationToken.None);
        await LibavMedia.RemuxAsync(TestVideos.H264WithAudio, plain, faststart: false, CancellationToken.None);

        var boxes = Mp4Boxes.TopLevel(fast);
        Assert.True(boxes.IndexOf("moov") >= 0 && boxes.IndexOf("moov") < boxes.IndexOf("mdat"), string.Join(",", boxes));
        var plainBoxes = Mp4Boxes.TopLevel(plain);
        Assert.True(plainBoxes.IndexOf("mdat") < plainBoxes.IndexOf("moov"), string.Join(",", plainBoxes));
    }

    [Fact]
    public async Task A_file_without_video_is_refused_by_name()
    {
        var output = TestVideos.Output(".mp4");

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => LibavMedia.RemuxAsync(TestVideos.AudioOnly, output, true, CancellationToken.None));

        Assert.Equal($"\"{TestVideos.AudioOnly}\" has no video stream.", error.Message);
    }

    [Fact]
    public async Task An_output_that_cannot_be_created_is_an_error_that_names_both_files()
    {
        var output = Path.Combine(TestVideos.Output(""), "no", "such", "folder.mp4");

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => LibavMedia.RemuxAsync(TestVideos.H264, output, true, CancellationToken.None));

        Assert.Contains($"\"{TestVideos.H264}\" to \"{output}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("No such file or directory", error.Message, StringComparison.Ordinal);
    }

    /// <summary>"type codec" of each stream, read by the ffprobe process.</summary>
    private static async Task<string[]> StreamsAsync(string path)
    {
        var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["-v", "error", "-show_entries", "stream=codec_type,codec_name", "-of", "csv=p=0", path])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(',')).Select(f => $"{f[1]} {f[0]}").ToArray();
    }
}
