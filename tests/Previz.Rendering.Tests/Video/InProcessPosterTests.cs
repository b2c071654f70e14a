using System.Globalization;
using Previz.Rendering.Video;

namespace Previz.Rendering.Tests.Video;

/// <summary>The in-process poster against the ffmpeg process command it replaces, compared by decoded pixels.</summary>
public sealed class InProcessPosterTests
{
    [Theory]
    [InlineData("h264-audio", 0.667, 640, 360)]
    [InlineData("odd", 0.514, 320, 180)]
    [InlineData("wide", 0.333, 640, 360)] // 1000×562 → 640 wide; 562·640/1000 = 359.7 → 360, even
    [InlineData("mpeg4", 1, 352, 288)]
    [InlineData("late-streams", 0.5, 320, 180)] // counted from the file's start, 0.18 s (its audio's), as ffmpeg counts
    public async Task The_poster_is_the_frame_ffmpeg_picks_at_most_640_wide_with_an_even_height(string clip, double seconds, int width, int height)
    {
        var input = clip switch
        {
            "h264-audio" => TestVideos.H264WithAudio,
            "odd" => TestVideos.OddFrameCount,
            "wide" => TestVideos.Wide,
            "late-streams" => TestVideos.LateStreams,
            _ => TestVideos.Mpeg4,
        };
        var inProcess = TestVideos.Output(".jpg");
        var process = TestVideos.Output(".jpg");

        await LibavMedia.PosterAsync(input, inProcess, seconds, 640, 4, CancellationToken.None);
        TestVideos.RunFfmpeg("-ss", seconds.ToString(CultureInfo.InvariantCulture), "-i", input, "-frames:v", "1",
            "-vf", "scale='min(640,iw)':-2", "-q:v", "4", process);

        Assert.Equal((width, height), JpegPixels.Size(inProcess));
        Assert.Equal(JpegPixels.Size(process), JpegPixels.Size(inProcess));
        Assert.InRange(JpegPixels.MeanAbsoluteDifference(inProcess, process), 0, 1.0);
        Assert.InRange(JpegPixels.MeanLevel(inProcess), 40, 220);
    }

    [Fact]
    public async Task Every_frame_of_a_clip_with_b_frames_is_the_poster_ffmpeg_picks_although_earlier_b_frames_are_not_decoded()
    {
        // The poster skips frames shown before its time that nothing refers to: whichever frame type the wanted one is
        // (a reference or not), the picture must be ffmpeg's. Same FFmpeg libraries, same picture: the difference is 0
        // here, and a frame decoded without the frames it refers to differs by over 1.
        for (var frame = 2; frame <= 33; frame++)
        {
            var seconds = Math.Round(frame / 24.0, 3);
            var inProcess = TestVideos.Output(".jpg");
            var process = TestVideos.Output(".jpg");

            await LibavMedia.PosterAsync(TestVideos.OddFrameCount, inProcess, seconds, 640, 4, CancellationToken.None);
            TestVideos.RunFfmpeg("-ss", seconds.ToString(CultureInfo.InvariantCulture), "-i", TestVideos.OddFrameCount, "-frames:v", "1",
                "-vf", "scale='min(640,iw)':-2", "-q:v", "4", process);

            var difference = JpegPixels.MeanAbsoluteDifference(inProcess, process);
            Assert.True(difference <= 0.25, $"frame {frame} ({seconds} s): mean difference {difference:0.00}");
        }
    }

    [Fact]
    public async Task A_later_time_shows_a_different_frame()
    {
        // testsrc's counter and moving bar change from frame to frame: two times, two pictures.
        var early = TestVideos.Output(".jpg");
        var late = TestVideos.Output(".jpg");

        await LibavMedia.PosterAsync(TestVideos.H264, early, 0.25, 640, 4, CancellationToken.None);
        await LibavMedia.PosterAsync(TestVideos.H264, late, 1.5, 640, 4, CancellationToken.None);

        Assert.True(JpegPixels.MeanAbsoluteDifference(early, late) > 2);
    }

    [Fact]
    public async Task A_time_past_the_end_shows_the_last_frame()
    {
        var poster = TestVideos.Output(".jpg");
        var last = TestVideos.Output(".jpg");

        await LibavMedia.PosterAsync(TestVideos.OddFrameCount, poster, 60, 640, 4, CancellationToken.None);
        TestVideos.RunFfmpeg("-i", TestVideos.OddFrameCount, "-vf", "select=eq(n\\,36),scale='min(640,iw)':-2", "-frames:v", "1", "-q:v", "4", last);

        Assert.InRange(JpegPixels.MeanAbsoluteDifference(poster, last), 0, 1.0);
    }

    [Fact]
    public async Task A_file_that_is_not_media_is_an_error_that_names_it()
    {
        var page = TestVideos.Output(".mp4");
        await File.WriteAllTextAsync(page, "<html>expired</html>");
        var poster = TestVideos.Output(".jpg");

        var error = await Assert.ThrowsAsync<VideoEncodingException>(() => LibavMedia.PosterAsync(page, poster, 0, 640, 4, CancellationToken.None));

        Assert.Contains($"\"{page}\"", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(poster));
    }
}
