using System.Numerics;
using Previz.Core.Animation;

namespace Previz.Core.Tests.Animation;

public class InterpolationTests
{
    private static Vector3Track Track(Interpolation interpolation) => new([
        new Keyframe<Vector3>(1.0, new Vector3(0, 0, 0), interpolation),
        new Keyframe<Vector3>(3.0, new Vector3(10, 0, 0), interpolation),
    ]);

    [Fact]
    public void Linear_keys_move_at_constant_speed()
    {
        var track = Track(Interpolation.Linear);
        Assert.Equal(2.5f, track.Sample(1.5, default).X, 4);
        Assert.Equal(5f, track.Sample(2.0, default).X, 4);
        Assert.Equal(7.5f, track.Sample(2.5, default).X, 4);
    }

    [Fact]
    public void Smooth_keys_ease_in_and_out_between_keys()
    {
        var track = Track(Interpolation.Smooth);
        var early = track.Sample(1.2, default).X;   // 10% of the way in time
        var middle = track.Sample(2.0, default).X;
        var late = track.Sample(2.8, default).X;
        Assert.True(early < 1.0f, $"expected slow start, got {early}");
        Assert.Equal(5f, middle, 4);
        Assert.True(late > 9.0f, $"expected slow finish, got {late}");
        // Symmetric: the curve is the same distance from each end.
        Assert.Equal(early, 10f - late, 4);
    }

    [Fact]
    public void Step_keys_hold_until_the_next_key()
    {
        var track = Track(Interpolation.Step);
        Assert.Equal(0f, track.Sample(2.99, default).X);
        Assert.Equal(10f, track.Sample(3.0, default).X);
    }

    [Fact]
    public void Sampling_outside_the_keys_clamps_to_the_first_and_last_values()
    {
        var track = Track(Interpolation.Linear);
        Assert.Equal(0f, track.Sample(-5, default).X);
        Assert.Equal(10f, track.Sample(50, default).X);
    }

    [Fact]
    public void An_empty_track_keeps_the_rest_value()
    {
        var track = new Vector3Track([]);
        Assert.Equal(new Vector3(1, 2, 3), track.Sample(1, new Vector3(1, 2, 3)));
    }

    [Fact]
    public void Each_segment_uses_the_interpolation_of_its_first_key()
    {
        var track = new ScalarTrack([
            new Keyframe<float>(0, 0, Interpolation.Step),
            new Keyframe<float>(1, 10, Interpolation.Linear),
            new Keyframe<float>(2, 20),
        ]);
        Assert.Equal(0f, track.Sample(0.5, 0));
        Assert.Equal(15f, track.Sample(1.5, 0), 4);
    }

    [Fact]
    public void Cubic_spline_keys_follow_their_tangents()
    {
        // Hermite with zero tangents is smoothstep; with a tangent of 10/s and 1 s span, x(0.5) = 0.5*... check midpoint value.
        var track = new ScalarTrack([
            new Keyframe<float>(0, 0, Interpolation.CubicSpline, 0, 30),
            new Keyframe<float>(1, 10, Interpolation.CubicSpline, 0, 0),
        ]);
        // h00=0.5,h10=0.125,h01=0.5,h11=-0.125 at u=0.5 → 0 + 0.125*30 + 5 + 0 = 8.75
        Assert.Equal(8.75f, track.Sample(0.5, 0), 3);
    }

    [Fact]
    public void Rotations_take_the_shortest_path()
    {
        // 170° and −170° about Y are 20° apart: the midpoint is 180°, not 0°.
        var a = Quaternion.CreateFromAxisAngle(Vector3.UnitY, 170f * MathF.PI / 180f);
        var b = Quaternion.CreateFromAxisAngle(Vector3.UnitY, -170f * MathF.PI / 180f);
        var track = new QuaternionTrack([
            new Keyframe<Quaternion>(0, a, Interpolation.Linear),
            new Keyframe<Quaternion>(1, b),
        ]);
        var mid = track.Sample(0.5, Quaternion.Identity);
        var forward = Vector3.Transform(Vector3.UnitZ, mid);
        Assert.Equal(-1f, forward.Z, 3);

        // And when the stored quaternions have opposite signs (same rotations), the path is still short.
        var flipped = new QuaternionTrack([
            new Keyframe<Quaternion>(0, Quaternion.Identity, Interpolation.Linear),
            new Keyframe<Quaternion>(1, -Quaternion.CreateFromAxisAngle(Vector3.UnitY, 0.2f)),
        ]);
        var halfway = flipped.Sample(0.5, Quaternion.Identity);
        var angle = 2 * MathF.Acos(MathF.Min(1f, MathF.Abs(halfway.W)));
        Assert.Equal(0.1f, angle, 3);
    }

    [Fact]
    public void Aim_keys_switch_targets_at_their_times()
    {
        var track = new AimTrack([(1.0, "ball"), (2.0, null), (3.0, "striker")]);
        Assert.Equal("ball", track.Sample(0.0, "fallback"));
        Assert.Equal("ball", track.Sample(1.5, null));
        Assert.Null(track.Sample(2.5, "x"));
        Assert.Equal("striker", track.Sample(9, null));
    }
}
