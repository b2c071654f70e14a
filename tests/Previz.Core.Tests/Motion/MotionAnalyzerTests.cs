using System.Numerics;
using Previz.Core.Loading;
using Previz.Core.Motion;
using Previz.Core.Scenes;
using static Previz.Core.Tests.Motion.MotionScenes;

namespace Previz.Core.Tests.Motion;

public class MotionAnalyzerTests
{
    private static void Within10Percent(double expected, double actual) =>
        Assert.InRange(actual, expected - (Math.Abs(expected) * 0.1), expected + (Math.Abs(expected) * 0.1));

    private static ShotMotion Analyze(SceneDocument scene, string? shotId = null) => MotionAnalyzer.Analyze(scene, scene.FindShot(shotId)!);

    [Fact]
    public void A_camera_that_does_not_move_is_locked_off()
    {
        var scene = Scene(Camera(), 3, Still("vase", new Vector3(0, 1, -4)));
        var motion = Analyze(scene);
        Assert.True(motion.Camera.IsLockedOff);
        Assert.True(motion.IsStatic);
        Assert.Contains("locked off", motion.Camera.Describe(), StringComparison.Ordinal);
        Assert.Equal(["static"], LumaCameraConcepts.From(motion.Camera));
        Assert.Null(KlingCameraControl.From(motion.Camera));
    }

    [Fact]
    public void A_dolly_forward_while_panning_left_is_measured_and_described()
    {
        var camera = Camera(position: [Key(0, 0, 1.6f, 0), Key(4, 0, 1.6f, -6)], rotation: [Yaw(0, 0), Yaw(4, 20)]);
        var motion = Analyze(Scene(camera, 4));
        var dolly = motion.Camera.Find(CameraMove.Dolly)!;
        var pan = motion.Camera.Find(CameraMove.Pan)!;
        Within10Percent(6, dolly.Amount);
        Within10Percent(-20, pan.Amount);
        Assert.Null(motion.Camera.Find(CameraMove.Truck));
        Assert.Null(motion.Camera.Find(CameraMove.Tilt));
        Assert.Equal("The camera dollies 6 m forward over 4 s while panning 20° left.", motion.Camera.Describe());

        Assert.Equal(["push_in", "pan_left"], LumaCameraConcepts.From(motion.Camera));
        var kling = KlingCameraControl.From(motion.Camera)!;
        Assert.Equal("simple", kling.Type);
        Assert.Equal(1, new[] { kling.Horizontal, kling.Vertical, kling.Pan, kling.Tilt, kling.Roll, kling.Zoom }.Count(v => v != 0));
        Assert.InRange(kling.Zoom, -10, -1); // moving in narrows the view
    }

    [Fact]
    public void Truck_pedestal_and_tilt_are_split_along_the_start_camera_axes()
    {
        // Camera turned to face +X: its right is +Z, so moving +Z is a truck right.
        var camera = Camera(
            position: [Key(0, 0, 1, 0), Key(5, 0, 3, 8)],
            rotation: [new(0, Previz.Core.Cameras.EulerAngles.ToQuaternion(new Vector3(0, -90, 0)), Previz.Core.Animation.Interpolation.Linear),
                       new(5, Previz.Core.Cameras.EulerAngles.ToQuaternion(new Vector3(-15, -90, 0)), Previz.Core.Animation.Interpolation.Linear)]);
        var motion = Analyze(Scene(camera, 5));
        Within10Percent(8, motion.Camera.Find(CameraMove.Truck)!.Amount);
        Within10Percent(2, motion.Camera.Find(CameraMove.Pedestal)!.Amount);
        Within10Percent(-15, motion.Camera.Find(CameraMove.Tilt)!.Amount);
        Assert.Null(motion.Camera.Find(CameraMove.Dolly));
        var text = motion.Camera.Describe();
        Assert.Contains("trucks 8 m right", text, StringComparison.Ordinal);
        Assert.Contains("pedestalling 2 m up", text, StringComparison.Ordinal);
        Assert.Contains("tilting 15° down", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_camera_circling_its_aim_target_orbits()
    {
        var keys = Enumerable.Range(0, 13).Select(i =>
        {
            var a = i * 7.5 * Math.PI / 180; // 0 … 90°
            return Key(i / 12.0 * 6, (float)(10 * Math.Sin(a)), 1.6f, (float)(10 * Math.Cos(a)));
        }).ToList();
        var scene = Scene(Camera(position: keys, aim: "statue"), 6, Still("statue", new Vector3(0, 1.6f, 0)));
        var motion = Analyze(scene);
        var orbit = motion.Camera.Find(CameraMove.Orbit)!;
        Within10Percent(90, orbit.Amount);
        Assert.Null(motion.Camera.Find(CameraMove.Pan));
        Assert.Null(motion.Camera.Find(CameraMove.Truck));
        Assert.Contains("orbits 90° right around the statue", motion.Camera.Describe(), StringComparison.Ordinal);
        Assert.Contains("orbit_right", LumaCameraConcepts.From(motion.Camera));
    }

    [Fact]
    public void A_camera_circling_while_turning_to_face_a_point_orbits_without_an_aim_target()
    {
        var positions = new List<Previz.Core.Animation.Keyframe<Vector3>>();
        var rotations = new List<Previz.Core.Animation.Keyframe<Quaternion>>();
        for (var i = 0; i <= 12; i++)
        {
            var degrees = -i * 5f; // 0 … −60°: moving left around the point
            var a = degrees * MathF.PI / 180;
            positions.Add(Key(i / 2.0, 10 * MathF.Sin(a), 1.6f, 10 * MathF.Cos(a)));
            rotations.Add(Yaw(i / 2.0, degrees));
        }

        var motion = Analyze(Scene(Camera(position: positions, rotation: rotations), 6));
        Within10Percent(-60, motion.Camera.Find(CameraMove.Orbit)!.Amount);
        Assert.Contains("orbits 60° left around the subject", motion.Camera.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sideways_move_with_a_slight_turn_is_not_an_orbit()
    {
        var camera = Camera(position: [Key(0, 0, 1.6f, 0), Key(4, 10, 1.6f, 0)], rotation: [Yaw(0, 0), Yaw(4, 8)]);
        var motion = Analyze(Scene(camera, 4));
        Assert.Null(motion.Camera.Find(CameraMove.Orbit));
        Within10Percent(10, motion.Camera.Find(CameraMove.Truck)!.Amount);
        Within10Percent(-8, motion.Camera.Find(CameraMove.Pan)!.Amount);
    }

    [Fact]
    public void A_focal_length_change_is_a_zoom()
    {
        var camera = Camera(focal: [new(0, 35f, Previz.Core.Animation.Interpolation.Linear), new(3, 70f, Previz.Core.Animation.Interpolation.Linear)]);
        var motion = Analyze(Scene(camera, 3));
        Within10Percent(35, motion.Camera.Find(CameraMove.Zoom)!.Amount);
        Assert.Equal("The camera zooms in from 35 mm to 70 mm over 3 s.", motion.Camera.Describe());
        Assert.Equal(-10, KlingCameraControl.From(motion.Camera)!.Zoom);
    }

    [Fact]
    public void A_subject_crossing_the_frame_is_described_in_screen_terms()
    {
        var car = Mover("car", [Key(0, 15, 0.5f, -20), Key(3, -15, 0.5f, -20)]);
        var motion = Analyze(Scene(Camera(), 3, car));
        var s = Assert.Single(motion.Subjects);
        Within10Percent(30, s.PathMetres);
        Assert.Equal("from right to left", s.ScreenDirection);
        Assert.Equal("The car travels 30 m from right to left over 3 s.", s.Describe());
    }

    [Fact]
    public void The_stadium_establishing_shot_is_an_80_m_truck_left()
    {
        var scene = SceneReader.Read(File.ReadAllText(SampleScenes.PathOf("stadium.previz.json"))).Scene;
        var motion = Analyze(scene, "establishing");
        // The crane faces +Z (yaw 180°), so its right is −X; it moves from x = −40 to x = +40.
        Within10Percent(-80, motion.Camera.Find(CameraMove.Truck)!.Amount);
        Assert.Null(motion.Camera.Find(CameraMove.Pan));
        Assert.Null(motion.Camera.Find(CameraMove.Dolly));
        Assert.StartsWith("The camera trucks 80 m left over 8 s", motion.Camera.Describe(), StringComparison.Ordinal);
        Assert.Empty(motion.Subjects); // the players only move from 8 s on
    }

    [Fact]
    public void The_stadium_breakaway_tracks_alongside_the_striker_and_the_ball()
    {
        var scene = SceneReader.Read(File.ReadAllText(SampleScenes.PathOf("stadium.previz.json"))).Scene;
        var motion = Analyze(scene, "breakaway");

        // Expected from the sample's keys: the camera goes (6, 2.2, 30) → (34, 2.2, 27) looking at the striker at (10, 0.9, 5).
        var f0 = Vector3.Normalize(new Vector3(10, 0.9f, 5) - new Vector3(6, 2.2f, 30));
        var r0 = Vector3.Normalize(Vector3.Cross(f0, Vector3.UnitY));
        var d = new Vector3(34, 2.2f, 27) - new Vector3(6, 2.2f, 30);
        Within10Percent(Vector3.Dot(d, r0), motion.Camera.Find(CameraMove.Truck)!.Amount);
        Within10Percent(Vector3.Dot(d, Vector3.Normalize(f0 with { Y = 0 })), motion.Camera.Find(CameraMove.Dolly)!.Amount);
        Assert.Contains("trucks", motion.Camera.Describe(), StringComparison.Ordinal);
        Assert.Contains("right", motion.Camera.Describe(), StringComparison.Ordinal);
        Assert.Contains("keeping the striker in frame", motion.Camera.Describe(), StringComparison.Ordinal);

        // The ball runs along straight segments between its keys: (11, .11, 5) → (35, .11, −1) → (52.2, 1.6, 1.4).
        var ballPath = Vector3.Distance(new(11, 0.11f, 5), new(35, 0.11f, -1)) + Vector3.Distance(new(35, 0.11f, -1), new(52.2f, 1.6f, 1.4f));
        var ball = motion.Subjects.Single(s => s.Subject.Id == "ball");
        Within10Percent(ballPath, ball.PathMetres);
        Assert.StartsWith("from left to right", ball.ScreenDirection, StringComparison.Ordinal);
        var striker = motion.Subjects.Single(s => s.Subject.Id == "striker");
        Assert.True(striker.FollowedByCamera);
        Assert.Contains("the camera follows it", striker.Describe(), StringComparison.Ordinal);
        Assert.Equal(["striker", "ball"], motion.Subjects.Take(2).Select(s => s.Subject.Id)); // heroes first
    }

    [Fact]
    public void The_turntable_shot_is_locked_off_and_the_bottle_turns_a_full_circle()
    {
        var scene = SceneReader.Read(File.ReadAllText(SampleScenes.PathOf("product-turntable.previz.json"))).Scene;
        var motion = Analyze(scene);
        Assert.True(motion.Camera.IsLockedOff);
        var bottle = motion.Subjects.Single(s => s.Subject.Id == "bottle");
        Within10Percent(360, Math.Abs(bottle.TurnDegrees));
        Assert.Contains("turns 360°", bottle.Describe(), StringComparison.Ordinal);
    }
}
