using Previz.Rendering.Video;

namespace Previz.Rendering.Tests.Video;

/// <summary>
/// The packet probe reads what a full decode reads, without decoding past the first frame: the same figures on whole
/// clips, and a refusal where a download was cut short.
/// </summary>
public sealed class InProcessPacketProbeTests
{
    [Theory]
    [MemberData(nameof(TestVideos.ProbeClips), MemberType = typeof(TestVideos))]
    public async Task A_whole_clip_gives_the_figures_of_a_full_decode(string clip)
    {
        var path = TestVideos.Named(clip);

        Assert.Equal(await LibavMedia.ProbeAsync(path, CancellationToken.None), await LibavMedia.ProbePacketsAsync(path, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(TestVideos.ProbeClips), MemberType = typeof(TestVideos))]
    public async Task Counting_the_packets_alone_gives_the_same_figures_on_a_whole_clip(string clip)
    {
        var path = TestVideos.Named(clip);

        var probed = await LibavMedia.ProbePacketsAsync(path, CancellationToken.None);
        var counted = await LibavMedia.CountPacketsAsync(path, CancellationToken.None);

        Assert.Equal(probed with { PixelFormat = counted.PixelFormat }, counted);
        // An MP4 is counted from its header alone, and only decoding tells the pixel format; other files are read as ffprobe reads them.
        Assert.Equal(Path.GetExtension(path) == ".mp4" ? "unknown" : probed.PixelFormat, counted.PixelFormat);
    }

    [Fact]
    public async Task Counting_the_packets_alone_decodes_nothing()
    {
        // The same container and packets with their video data zeroed: nothing decodes, so the packet probe counts no
        // frames (a full decode would not either), while the count alone, which never calls the decoder, counts them all.
        var garbled = TestVideos.Output(".mp4");
        var bytes = await File.ReadAllBytesAsync(TestVideos.H264);
        var media = bytes.AsSpan().IndexOf("mdat"u8);
        Assert.True(media > 0, "the clip has its media data after its index");
        bytes.AsSpan(media + 4).Clear();
        await File.WriteAllBytesAsync(garbled, bytes);

        var probed = await LibavMedia.ProbePacketsAsync(garbled, CancellationToken.None);
        var counted = await LibavMedia.CountPacketsAsync(garbled, CancellationToken.None);

        Assert.Equal(0, probed.FrameCount);
        Assert.Equal(48, counted.FrameCount);
        Assert.Equal((320, 180), (counted.Width, counted.Height));
    }

    [Fact]
    public async Task Packets_an_edit_list_leaves_out_are_not_counted_as_frames()
    {
        // A stream copy that starts half a second in keeps the packets from the keyframe before it, behind an edit list.
        var trimmed = TestVideos.Output(".mp4");
        TestVideos.RunFfmpeg("-ss", "0.5", "-i", TestVideos.H264, "-c", "copy", trimmed);

        var decoded = await LibavMedia.ProbeAsync(trimmed, CancellationToken.None);
        var packets = await LibavMedia.ProbePacketsAsync(trimmed, CancellationToken.None);

        Assert.Equal(36, decoded.FrameCount);
        Assert.Equal(decoded, packets);
    }

    [Fact]
    public async Task A_download_cut_short_after_its_index_is_refused_with_the_packets_it_has()
    {
        // moov first, then half the media data: a full decode counts the frames that remain; the index says 72.
        var cut = TestVideos.Output(".mp4");
        var bytes = await File.ReadAllBytesAsync(TestVideos.Ntsc);
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => LibavMedia.ProbePacketsAsync(cut, CancellationToken.None));

        Assert.Contains($"\"{cut}\"", error.Message, StringComparison.Ordinal);
        Assert.Matches("ends after [0-9]+ of its 72 video packets", error.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_media_is_an_error_that_names_the_file()
    {
        var page = TestVideos.Output(".mp4");
        await File.WriteAllTextAsync(page, "<html>expired</html>");

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => LibavMedia.ProbePacketsAsync(page, CancellationToken.None));

        Assert.StartsWith($"FFmpeg could not read \"{page}\": cannot open it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audio_without_video_says_so()
    {
        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => LibavMedia.ProbePacketsAsync(TestVideos.AudioOnly, CancellationToken.None));

        Assert.Equal($"\"{TestVideos.AudioOnly}\" has no video stream.", error.Message);
    }
}
