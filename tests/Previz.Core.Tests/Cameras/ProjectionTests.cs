using System.Numerics;
using Previz.Core.Cameras;
using Previz.Core.Scenes;

namespace Previz.Core.Tests.Cameras;

public class ProjectionTests
{
    [Fact]
    public void A_point_on_the_axis_lands_in_the_frame_centre()
    {
        var pose = new CameraPose(Vector3.Zero, Quaternion.Identity, LensMath.VerticalFov(50, 36, 24, SensorFit.Auto, 16f / 9f), 16f / 9f, 0.1f, 100f, 50);
        var pixel = pose.ProjectToPixel(new Vector3(0, 0, -10), 1280, 720)!.Value;
        Assert.Equal(640f, pixel.X, 2);
        Assert.Equal(360f, pixel.Y, 2);
    }

    [Fact]
    public void A_known_point_lands_on_the_pixel_the_lens_predicts()
    {
        // 36 mm sensor width over 1280 px with a 50 mm lens: a point 1 m right at 10 m is
        // (1/10) * 50 mm = 5 mm on the sensor = 5 / 36 * 1280 = 177.8 px right of centre.
        var aspect = 16f / 9f;
        var pose = new CameraPose(Vector3.Zero, Quaternion.Identity, LensMath.VerticalFov(50, 36, 24, SensorFit.Auto, aspect), aspect, 0.1f, 100f, 50);
        var pixel = pose.ProjectToPixel(new Vector3(1, 0.5f, -10), 1280, 720)!.Value;
        Assert.Equal(640f + 177.78f, pixel.X, 1);
        Assert.Equal(360f - 88.89f, pixel.Y, 1);
    }

    [Fact]
    public void Portrait_frames_span_the_sensor_width_over_the_height()
    {
        var aspect = 9f / 16f;
        var vfov = LensMath.VerticalFov(50, 36, 24, SensorFit.Auto, aspect);
        Assert.Equal(2 * MathF.Atan(18f / 50f), vfov, 5);
        Assert.Equal(50f, LensMath.FocalLengthForVerticalFov(vfov, 36, 24, SensorFit.Auto, aspect), 3);
    }

    [Fact]
    public void A_point_behind_the_camera_does_not_project()
    {
        var pose = new CameraPose(Vector3.Zero, Quaternion.Identity, 0.8f, 1.5f, 0.1f, 100f, 35);
        Assert.Null(pose.ProjectToPixel(new Vector3(0, 0, 5), 100, 100));
    }

    [Fact]
    public void Look_rotation_points_the_minus_z_axis_at_the_target_with_y_up()
    {
        var from = new Vector3(3, 2, 5);
        var to = new Vector3(-4, 0, -1);
        var q = LookRotation.Towards(from, to);
        var forward = Vector3.Transform(-Vector3.UnitZ, q);
        var expected = Vector3.Normalize(to - from);
        Assert.True(Vector3.Distance(forward, expected) < 1e-4f, $"forward {forward} expected {expected}");
        var right = Vector3.Transform(Vector3.UnitX, q);
        Assert.Equal(0f, right.Y, 4); // no roll
    }

    [Fact]
    public void Euler_angles_apply_x_then_y_then_z()
    {
        // Rotate −90° about X (look down) then 90° about Y: −Z ends up pointing at −Y still (down) — check a side vector.
        var q = EulerAngles.ToQuaternion(new Vector3(90, 90, 0));
        // X first takes +Y to +Z, then Y takes +Z to +X.
        var v = Vector3.Transform(Vector3.UnitY, q);
        Assert.True(Vector3.Distance(v, Vector3.UnitX) < 1e-5f, v.ToString());
    }
}
