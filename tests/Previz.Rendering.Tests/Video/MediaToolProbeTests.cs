using Previz.Rendering.Video;

namespace Previz.Rendering.Tests.Video;

/// <summary>Probes through the media boundary: the clips' own figures, and refusals that name the file.</summary>
public sealed class MediaToolProbeTests
{
    private readonly MediaTool _media = MediaTool.Default;

    [Fact]
    public async Task The_figures_are_the_clips_own()
    {
        var odd = await _media.ProbeAsync(TestVideos.OddFrameCount, CancellationToken.None);
        var audio = await _media.ProbeAsync(TestVideos.H264WithAudio, CancellationToken.None);
        var ntsc = await _media.ProbeAsync(TestVideos.Ntsc, CancellationToken.None);
        var vp9 = await _media.ProbeAsync(TestVideos.Vp9, CancellationToken.None);

        Assert.Equal(new VideoProbe("h264", "yuv420p", 320, 180, 24, 24, 37, 1.541667), odd);
        Assert.Equal(new VideoProbe("h264", "yuv420p", 640, 360, 30, 30, 60, 2), audio);
        Assert.Equal((72, 24000 / 1001.0, 3.003), (ntsc.FrameCount, ntsc.AverageFrameRate, ntsc.DurationSeconds));
        // WebM gives its VP9 stream no duration: the container's is used.
        Assert.Equal(("vp9", 24, 1.0), (vp9.Codec, vp9.FrameCount, vp9.DurationSeconds));
    }

    [Theory]
    [MemberData(nameof(TestVideos.ProbeClips), MemberType = typeof(TestVideos))]
    public async Task Reading_the_packets_of_a_whole_clip_gives_the_figures_of_a_full_decode(string clip)
    {
        var path = TestVideos.Named(clip);

        Assert.Equal(await _media.ProbeAsync(path, CancellationToken.None), await _media.ProbePacketsAsync(path, CancellationToken.None));
    }

    [Fact]
    public async Task Packets_an_edit_list_leaves_out_are_not_counted_as_frames()
    {
        // A stream copy that starts half a second in keeps the packets from the keyframe before it, behind an edit list.
        var trimmed = TestVideos.Output(".mp4");
        TestVideos.RunFfmpeg("-ss", "0.5", "-i", TestVideos.H264, "-c", "copy", trimmed);

        var decoded = await _media.ProbeAsync(trimmed, CancellationToken.None);
        var packets = await _media.ProbePacketsAsync(trimmed, CancellationToken.None);

        Assert.Equal(36, decoded.FrameCount);
        Assert.Equal(decoded, packets);
    }

    [Fact]
    public async Task A_download_cut_off_after_its_index_is_refused_with_the_packets_it_has()
    {
        // moov first, then half the media data: the index lists 72 packets.
        var cut = await FirstHalfAsync(TestVideos.Ntsc);

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => _media.ProbePacketsAsync(cut, CancellationToken.None));

        Assert.Contains($"\"{cut}\"", error.Message, StringComparison.Ordinal);
        Assert.Matches("ends after [0-9]+ of its 72 video packets", error.Message);
    }

    [Fact]
    public async Task A_clip_cut_before_its_index_is_an_error_that_names_the_file_and_says_why()
    {
        // ffmpeg writes moov last by default: cut in half, the file has media data and no index.
        var cut = await FirstHalfAsync(TestVideos.H264WithAudio);

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => _media.ProbePacketsAsync(cut, CancellationToken.None));

        Assert.StartsWith($"ffprobe could not read \"{cut}\": ", error.Message, StringComparison.Ordinal);
        Assert.Contains("moov atom not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_media_is_an_error_that_names_the_file()
    {
        var page = TestVideos.Output(".mp4");
        await File.WriteAllTextAsync(page, "<html>expired</html>");

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => _media.ProbeAsync(page, CancellationToken.None));

        Assert.StartsWith($"ffprobe could not read \"{page}\": ", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid data found when processing input", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audio_without_video_says_so()
    {
        var full = await Assert.ThrowsAsync<VideoEncodingException>(() => _media.ProbeAsync(TestVideos.AudioOnly, CancellationToken.None));
        var packets = await Assert.ThrowsAsync<VideoEncodingException>(() => _media.ProbePacketsAsync(TestVideos.AudioOnly, CancellationToken.None));

        Assert.Equal($"\"{TestVideos.AudioOnly}\" has no video stream.", full.Message);
        Assert.Equal(full.Message, packets.Message);
    }

    [Fact]
    public async Task A_missing_ffprobe_is_a_typed_error_that_says_how_to_install_it()
    {
        var media = new MediaTool(new FfmpegOptions { FfprobePath = Path.Combine(TestVideos.Output(""), "ffprobe") });

        var error = await Assert.ThrowsAsync<ToolNotFoundException>(() => media.ProbeAsync(TestVideos.H264, CancellationToken.None));

        Assert.Equal("ffprobe", error.Tool);
        Assert.Contains("sudo apt-get install -y ffmpeg", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A copy of the first half of <paramref name="clip"/>'s bytes: what a download cut off midway leaves.</summary>
    private static async Task<string> FirstHalfAsync(string clip)
    {
        var cut = TestVideos.Output(".mp4");
        var bytes = await File.ReadAllBytesAsync(clip);
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);
        return cut;
    }
}
