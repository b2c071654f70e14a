using Previz.Rendering.Adherence;

namespace Previz.Rendering.Tests.Adherence;

/// <summary>The comparison of two measured motions, on motions made up here (no video).</summary>
public sealed class AdherenceComparisonTests
{
    private const double Rate = 12;

    [Fact]
    public void The_same_motion_scores_1_and_the_opposite_or_none_scores_0()
    {
        var pan = Steps(48, _ => new ImageMotion(0.01, 0.002, 0.001, 0));

        Assert.Equal(1, Score(pan, pan), 6);
        Assert.Equal(0, Score(pan, Steps(48, _ => new ImageMotion(-0.01, -0.002, -0.001, 0))), 6);
        Assert.Equal(0, Score(pan, Steps(48, _ => ImageMotion.None)), 6);
    }

    [Fact]
    public void A_move_ten_percent_too_large_scores_about_0_9()
    {
        var pan = Steps(48, _ => new ImageMotion(0.01, 0, 0, 0));

        Assert.Equal(0.9, Score(pan, Steps(48, _ => new ImageMotion(0.011, 0, 0, 0))), 3);
    }

    [Fact]
    public void Against_a_still_camera_a_still_clip_scores_high_and_a_moving_one_low()
    {
        var still = Steps(48, i => new ImageMotion(i % 2 == 0 ? 0.0001 : -0.0001, 0, 0, 0));
        var moving = Steps(48, _ => new ImageMotion(0.01, 0, 0, 0));

        Assert.True(Score(still, still) > 0.99);
        Assert.True(Score(still, Steps(48, _ => ImageMotion.None)) > 0.9);
        Assert.Equal(0, Score(still, moving), 6);
    }

    [Fact]
    public void A_clip_that_starts_late_is_aligned_within_a_quarter_second()
    {
        // A move that speeds up and slows down, so that a shift shows.
        var move = Steps(60, i => new ImageMotion(0.01 * Math.Sin(i / 6.0), 0, 0, 0));
        var late = Steps(2, _ => ImageMotion.None).Concat(move).Take(60).ToList();

        var (_, shift) = Align(move, late);

        Assert.Equal(2, shift);
    }

    [Fact]
    public void A_clip_that_wanders_off_to_the_left_says_when()
    {
        // Authored: a steady pan of the picture leftwards (camera right). From 2 s on, the clip's picture also slides
        // right, so its camera goes left of the authored path.
        var authored = Steps(60, _ => new ImageMotion(-0.01, 0, 0, 0));
        var clip = Steps(60, i => new ImageMotion(-0.01 + (i >= 24 ? 0.004 : 0), 0, 0, 0));
        var (steps, shift) = Align(authored, clip);

        var sentence = AdherenceWording.Sentence(steps, Rate, "pan", [], 5, 5, shift / Rate);

        Assert.Matches(@"^(roughly )?follows the pan move; drifts left after 2\.\d s$", sentence);
    }

    [Fact]
    public void The_per_second_curve_has_a_value_for_each_second_and_marks_the_unmeasured_one()
    {
        // The authored render shows nothing to follow during the second second; the clip follows the move throughout.
        var authored = Steps(48, i => i is >= 12 and < 24 ? null : new ImageMotion(0.01, 0, 0, 0));
        var clip = Steps(48, _ => new ImageMotion(0.01, 0, 0, 0));

        var (steps, _) = Align(authored, clip);
        var curve = AdherenceComparison.PerSecond(steps, Rate);

        Assert.Equal(4, curve.Count);
        Assert.Null(curve[1]);
        Assert.All(new[] { curve[0], curve[2], curve[3] }, s => Assert.Equal(1, s!.Value, 3));
    }

    private static double Score(IReadOnlyList<ImageMotion?> authored, IReadOnlyList<ImageMotion?> clip) =>
        AdherenceComparison.Score(Align(authored, clip).Steps, Rate);

    private static (IReadOnlyList<MotionStep> Steps, int Shift) Align(IReadOnlyList<ImageMotion?> authored, IReadOnlyList<ImageMotion?> clip) =>
        AdherenceComparison.Align((shift, stride) => [.. Enumerable.Range(0, authored.Count)
            .Where(i => i % stride == 0 && authored[i] is not null && i + shift >= 0 && i + shift < clip.Count)
            .Select(i => new MotionStep((i + 1) / Rate, new MotionPair(authored[i]!.Value, clip[i + shift] ?? ImageMotion.None), new Dictionary<int, MotionPair>()))], Rate);

    /// <summary>Camera-only steps, as a shot without moving objects measures them.</summary>
    private static List<ImageMotion?> Steps(int count, Func<int, ImageMotion?> motion) => [.. Enumerable.Range(0, count).Select(motion)];
}
