using System.Numerics;
using Previz.Core.Animation;

namespace Previz.Import.Tests.Writing;

/// <summary>The premises the export's CUBICSPLINE channels rest on, checked with Previz's own samplers.</summary>
public sealed class AnimationChannelsTests
{
    private static readonly Vector3 A = new(1, -2, 3);
    private static readonly Vector3 B = new(7, 4, -1);

    [Fact]
    public void A_smooth_segment_is_a_hermite_segment_with_zero_tangents()
    {
        var smooth = new Vector3Track([new(1, A, Interpolation.Smooth), new(3.5, B)]);
        var hermite = new Vector3Track([new(1, A, Interpolation.CubicSpline, Vector3.Zero, Vector3.Zero), new(3.5, B, Interpolation.CubicSpline, Vector3.Zero, Vector3.Zero)]);

        for (var t = 1.0; t <= 3.5; t += 0.1)
        {
            Assert.True(Vector3.Distance(smooth.Sample(t, default), hermite.Sample(t, default)) < 1e-5f, $"at {t} s");
        }
    }

    [Fact]
    public void A_linear_segment_is_a_hermite_segment_whose_tangents_are_its_slope()
    {
        var slope = (B - A) / 2.5f;
        var linear = new Vector3Track([new(1, A, Interpolation.Linear), new(3.5, B)]);
        var hermite = new Vector3Track([new(1, A, Interpolation.CubicSpline, Vector3.Zero, slope), new(3.5, B, Interpolation.CubicSpline, slope, Vector3.Zero)]);

        for (var t = 1.0; t <= 3.5; t += 0.1)
        {
            Assert.True(Vector3.Distance(linear.Sample(t, default), hermite.Sample(t, default)) < 1e-5f, $"at {t} s");
        }
    }

    [Fact]
    public void A_smooth_rotation_is_not_a_zero_tangent_hermite_rotation_so_the_export_samples_it()
    {
        var from = Quaternion.Identity;
        var to = Quaternion.CreateFromAxisAngle(Vector3.UnitY, 2.5f);
        var smooth = new QuaternionTrack([new(0, from, Interpolation.Smooth), new(1, to)]);
        var hermite = new QuaternionTrack([new(0, from, Interpolation.CubicSpline), new(1, to, Interpolation.CubicSpline)]);

        var angle = 2 * MathF.Acos(Math.Clamp(MathF.Abs(Quaternion.Dot(smooth.Sample(0.3, from), hermite.Sample(0.3, from))), 0f, 1f));

        Assert.True(angle > 0.01f, $"they differ by {angle} rad");
    }
}
