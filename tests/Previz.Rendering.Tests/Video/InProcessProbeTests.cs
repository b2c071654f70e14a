using Previz.Rendering.Video;

namespace Previz.Rendering.Tests.Video;

/// <summary>The in-process probe against the ffprobe process it replaces: the same figures, decoded frames included.</summary>
public sealed class InProcessProbeTests
{
    [Theory]
    [MemberData(nameof(TestVideos.ProbeClips), MemberType = typeof(TestVideos))]
    public async Task The_in_process_probe_gives_the_ffprobe_process_figures(string clip)
    {
        var path = TestVideos.Named(clip);

        var inProcess = await LibavMedia.ProbeAsync(path, CancellationToken.None);
        var process = await Ffprobe.ProbeWithProcessAsync(path, null, CancellationToken.None);

        Assert.Equal(process, inProcess);
    }

    [Fact]
    public async Task The_figures_are_the_clips_own()
    {
        var odd = await LibavMedia.ProbeAsync(TestVideos.OddFrameCount, CancellationToken.None);
        var audio = await LibavMedia.ProbeAsync(TestVideos.H264WithAudio, CancellationToken.None);
        var ntsc = await LibavMedia.ProbeAsync(TestVideos.Ntsc, CancellationToken.None);
        var vp9 = await LibavMedia.ProbeAsync(TestVideos.Vp9, CancellationToken.None);

        Assert.Equal(new VideoProbe("h264", "yuv420p", 320, 180, 24, 24, 37, 1.541667), odd);
        Assert.Equal(new VideoProbe("h264", "yuv420p", 640, 360, 30, 30, 60, 2), audio);
        Assert.Equal((72, 24000 / 1001.0, 3.003), (ntsc.FrameCount, ntsc.AverageFrameRate, ntsc.DurationSeconds));
        // WebM gives its VP9 stream no duration: the container's is used, as with ffprobe.
        Assert.Equal(("vp9", 24, 1.0), (vp9.Codec, vp9.FrameCount, vp9.DurationSeconds));
    }

    [Fact]
    public async Task A_clip_cut_short_after_its_index_counts_the_frames_that_remain_as_ffprobe_does()
    {
        // moov first, then part of the media data: the frames up to the cut still decode.
        var cut = TestVideos.Output(".mp4");
        var bytes = await File.ReadAllBytesAsync(TestVideos.Ntsc);
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);

        var inProcess = await LibavMedia.ProbeAsync(cut, CancellationToken.None);

        Assert.InRange(inProcess.FrameCount, 1, 71);
        Assert.Equal(await Ffprobe.ProbeWithProcessAsync(cut, null, CancellationToken.None), inProcess);
    }

    [Fact]
    public async Task Damaged_media_data_decodes_around_the_damage_as_ffprobe_does()
    {
        var damaged = TestVideos.Output(".mp4");
        var bytes = await File.ReadAllBytesAsync(TestVideos.H264WithAudio);
        for (var i = bytes.Length / 3; i < bytes.Length * 2 / 3; i += 997)
        {
            bytes[i] ^= 0x5a;
        }

        await File.WriteAllBytesAsync(damaged, bytes);

        Assert.Equal(await Ffprobe.ProbeWithProcessAsync(damaged, null, CancellationToken.None), await LibavMedia.ProbeAsync(damaged, CancellationToken.None));
    }

    [Fact]
    public async Task A_clip_cut_before_its_index_is_an_error_that_names_the_file()
    {
        // ffmpeg writes moov last by default: cut in half, the file has media data and no index.
        var cut = TestVideos.Output(".mp4");
        var bytes = await File.ReadAllBytesAsync(TestVideos.H264WithAudio);
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => LibavMedia.ProbeAsync(cut, CancellationToken.None));

        Assert.Contains($"\"{cut}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("moov atom not found", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<VideoEncodingException>(() => Ffprobe.ProbeWithProcessAsync(cut, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_that_is_not_media_is_an_error_that_names_the_file()
    {
        var page = TestVideos.Output(".mp4");
        await File.WriteAllTextAsync(page, "<html>expired</html>");

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => LibavMedia.ProbeAsync(page, CancellationToken.None));

        Assert.StartsWith($"FFmpeg could not read \"{page}\": cannot open it: Invalid data found when processing input", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_an_error_that_names_the_file()
    {
        var missing = TestVideos.Output(".mp4");

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => LibavMedia.ProbeAsync(missing, CancellationToken.None));

        Assert.Contains($"\"{missing}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("No such file or directory", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audio_without_video_says_so_in_the_words_of_the_process_path()
    {
        var inProcess = await Assert.ThrowsAsync<VideoEncodingException>(() => LibavMedia.ProbeAsync(TestVideos.AudioOnly, CancellationToken.None));
        var process = await Assert.ThrowsAsync<VideoEncodingException>(() => Ffprobe.ProbeWithProcessAsync(TestVideos.AudioOnly, null, CancellationToken.None));

        Assert.Equal(process.Message, inProcess.Message);
        Assert.Equal($"\"{TestVideos.AudioOnly}\" has no video stream.", inProcess.Message);
    }

    [Fact]
    public async Task Probes_running_at_once_each_get_their_own_clips_figures()
    {
        string[] clips = [TestVideos.H264, TestVideos.OddFrameCount, TestVideos.Ntsc, TestVideos.Mpeg4, TestVideos.Vp9, TestVideos.H264WithAudio];
        var one = new List<VideoProbe>();
        foreach (var clip in clips)
        {
            one.Add(await LibavMedia.ProbeAsync(clip, CancellationToken.None));
        }

        var together = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => LibavMedia.ProbeAsync(clips[i % clips.Length], CancellationToken.None)));

        for (var i = 0; i < together.Length; i++)
        {
            Assert.Equal(one[i % clips.Length], together[i]);
        }
    }

    [Fact]
    public async Task A_probe_cancelled_before_it_starts_does_not_run()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => LibavMedia.ProbeAsync(TestVideos.H264, cancelled.Token));
    }
}
