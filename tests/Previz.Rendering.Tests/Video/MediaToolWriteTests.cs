using System.Diagnostics;
using System.Globalization;
using Previz.Rendering.Video;
using Previz.Testing;

namespace Previz.Rendering.Tests.Video;

/// <summary>Stream copy, frame-exact trim, poster and frame through the media boundary, checked with ffprobe figures and decoded pixels.</summary>
public sealed class MediaToolWriteTests
{
    private readonly MediaTool _media = MediaTool.Default;

    [Theory]
    [InlineData("h264-audio")]
    [InlineData("odd")]
    [InlineData("vp9")]
    public async Task A_stream_copy_keeps_every_frame_the_size_and_the_duration(string clip)
    {
        var input = TestVideos.Named(clip);
        var output = TestVideos.Output(".mp4");

        var written = await _media.CopyStreamsAsync(input, output, CancellationToken.None);

        Assert.Equal((await _media.ReadPacketsAsync(input, CancellationToken.None)).Packets, written);
        var before = await _media.ProbeAsync(input, CancellationToken.None);
        var after = await _media.ProbeAsync(output, CancellationToken.None);
        Assert.Equal((before.Codec, before.PixelFormat, before.Width, before.Height), (after.Codec, after.PixelFormat, after.Width, after.Height));
        Assert.Equal(before.FrameCount, after.FrameCount);
        // MP4 keeps WebM's millisecond timestamps in its own timescale: 24 fps may read as 24.02.
        Assert.Equal(before.AverageFrameRate, after.AverageFrameRate, 0.05);
        Assert.Equal(before.DurationSeconds, after.DurationSeconds, 0.002);
    }

    [Fact]
    public async Task A_stream_copy_brings_the_first_audio_stream_and_puts_the_index_first()
    {
        // The source has its index last, as ffmpeg writes by default.
        var output = TestVideos.Output(".mp4");
        var source = Mp4Boxes.TopLevel(TestVideos.H264WithAudio);
        Assert.True(source.IndexOf("mdat") < source.IndexOf("moov"), string.Join(",", source));

        await _media.CopyStreamsAsync(TestVideos.H264WithAudio, output, CancellationToken.None);

        Assert.Equal(["video h264", "audio aac"], await StreamsAsync(output));
        var boxes = Mp4Boxes.TopLevel(output);
        Assert.True(boxes.IndexOf("moov") >= 0 && boxes.IndexOf("moov") < boxes.IndexOf("mdat"), string.Join(",", boxes));
    }

    [Theory]
    [InlineData(1.0, 24)]
    [InlineData(0.75, 18)]
    [InlineData(1.5, 36)]
    public async Task A_trim_cuts_on_the_exact_frame_and_re_encodes_to_h264_with_the_index_first(double seconds, int frames)
    {
        // testsrc at 24 fps has a keyframe at 0 only: a stream copy could not cut anywhere but the start.
        var output = TestVideos.Output(".mp4");

        var written = await _media.ReencodeAsync(TestVideos.H264, output, seconds, CancellationToken.None);

        var probe = await _media.ProbeAsync(output, CancellationToken.None);
        Assert.Equal(("h264", "yuv420p", frames, frames), (probe.Codec, probe.PixelFormat, probe.FrameCount, written));
        Assert.Equal(seconds, probe.DurationSeconds, 0.001);
        var boxes = Mp4Boxes.TopLevel(output);
        Assert.True(boxes.IndexOf("moov") < boxes.IndexOf("mdat"), string.Join(",", boxes));
    }

    [Fact]
    public async Task A_clip_browsers_may_not_play_is_re_encoded_whole_to_h264_yuv420p()
    {
        var output = TestVideos.Output(".mp4");

        await _media.ReencodeAsync(TestVideos.Mpeg4, output, null, CancellationToken.None);

        var probe = await _media.ProbeAsync(output, CancellationToken.None);
        Assert.Equal(("h264", "yuv420p", 352, 288, 50), (probe.Codec, probe.PixelFormat, probe.Width, probe.Height, probe.FrameCount));
    }

    [Theory]
    [InlineData("h264-audio", 15, 640, 360)] // 30 fps: 0.5 s
    [InlineData("odd", 12, 320, 180)] // 24 fps with B-frames: 0.5 s
    [InlineData("wide", 8, 640, 360)] // 25 fps: 0.32 s; 1000×562 → 640 wide, 562·640/1000 = 359.7 → 360, even
    public async Task The_poster_is_the_frame_that_starts_then_at_most_640_wide_with_an_even_height(string clip, int frame, int width, int height)
    {
        var input = TestVideos.Named(clip);
        var rate = (await _media.ProbeAsync(input, CancellationToken.None)).AverageFrameRate;
        var poster = TestVideos.Output(".jpg");
        var expected = TestVideos.Output(".jpg");
        var next = TestVideos.Output(".jpg");

        await _media.PosterAsync(input, poster, frame / rate, 640, 4, CancellationToken.None);
        foreach (var (n, jpeg) in new[] { (frame, expected), (frame + 1, next) })
        {
            TestVideos.RunFfmpeg("-i", input, "-vf", $"select=eq(n\\,{n}),scale='min(640,iw)':-2", "-frames:v", "1", "-q:v", "4", jpeg);
        }

        Assert.Equal((width, height), PixelStatistics.Size(poster));
        var difference = PixelStatistics.MeanAbsoluteDifference(poster, expected);
        Assert.InRange(difference, 0, 1.0);
        Assert.True(difference < PixelStatistics.MeanAbsoluteDifference(poster, next), "the poster is closer to the next frame than to its own");
        Assert.InRange(PixelStatistics.MeanLevel(poster), 40, 220);
    }

    [Theory]
    [InlineData("h264-audio")] // copied
    [InlineData("odd")] // B-frames
    public async Task A_poster_written_with_a_copy_is_the_frame_a_poster_of_its_own_shows(string clip)
    {
        var input = TestVideos.Named(clip);
        var alone = TestVideos.Output(".jpg");
        var together = TestVideos.Output(".jpg");
        await _media.PosterAsync(input, alone, 0.5, 640, 4, CancellationToken.None);

        var written = await _media.CopyStreamsAsync(input, TestVideos.Output(".mp4"), new PosterRequest(together, 0.5, 640, 4), CancellationToken.None);

        Assert.Equal((await _media.ReadPacketsAsync(input, CancellationToken.None)).Packets, written);
        Assert.Equal(PixelStatistics.Size(alone), PixelStatistics.Size(together));
        Assert.InRange(PixelStatistics.MeanAbsoluteDifference(alone, together), 0, 0.5);
    }

    [Fact]
    public async Task A_poster_time_past_the_end_leaves_no_poster_and_the_trim_stands()
    {
        var output = TestVideos.Output(".mp4");
        var poster = TestVideos.Output(".jpg");

        var written = await _media.ReencodeAsync(TestVideos.H264, output, 1, new PosterRequest(poster, 60, 640, 4), CancellationToken.None);

        Assert.Equal(24, written);
        Assert.False(File.Exists(poster));
    }

    [Fact]
    public async Task A_later_time_shows_a_different_frame()
    {
        // testsrc's counter and moving bar change from frame to frame: two times, two pictures.
        var early = TestVideos.Output(".jpg");
        var late = TestVideos.Output(".jpg");

        await _media.PosterAsync(TestVideos.H264, early, 0.25, 640, 4, CancellationToken.None);
        await _media.PosterAsync(TestVideos.H264, late, 1.5, 640, 4, CancellationToken.None);

        Assert.True(PixelStatistics.MeanAbsoluteDifference(early, late) > 2);
    }

    [Fact]
    public async Task A_frame_is_a_full_size_png_and_a_time_past_the_end_is_an_error()
    {
        var frame = TestVideos.Output(".png");
        var past = TestVideos.Output(".png");

        await _media.FrameAsync(TestVideos.Wide, frame, 0.5, CancellationToken.None);
        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => _media.FrameAsync(TestVideos.Wide, past, 60, CancellationToken.None));

        var bytes = await File.ReadAllBytesAsync(frame);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal((1000, 562), (ReadBigEndian(bytes, 16), ReadBigEndian(bytes, 20)));
        Assert.Contains($"\"{TestVideos.Wide}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_media_gets_no_poster_and_an_error_that_names_it()
    {
        var page = TestVideos.Output(".mp4");
        await File.WriteAllTextAsync(page, "<html>expired</html>");
        var poster = TestVideos.Output(".jpg");

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => _media.PosterAsync(page, poster, 0, 640, 4, CancellationToken.None));

        Assert.StartsWith($"ffmpeg could not make a poster of \"{page}\": ", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(poster));
    }

    [Fact]
    public async Task A_missing_ffmpeg_is_a_typed_error_that_says_how_to_install_it()
    {
        var media = new MediaTool(new FfmpegOptions { FfmpegPath = Path.Combine(TestVideos.Output(""), "ffmpeg") });

        var error = await Assert.ThrowsAsync<ToolNotFoundException>(() => media.CopyStreamsAsync(TestVideos.H264, TestVideos.Output(".mp4"), CancellationToken.None));

        Assert.Equal("ffmpeg", error.Tool);
        Assert.Contains("sudo apt-get install -y ffmpeg", error.Message, StringComparison.Ordinal);
    }

    private static int ReadBigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];

    /// <summary>"type codec" of each stream, read by an ffprobe of the test's own.</summary>
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
            .Select(line => line.Split(',')).Select(f => string.Create(CultureInfo.InvariantCulture, $"{f[1]} {f[0]}")).ToArray();
    }
}
