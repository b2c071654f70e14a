using System.Numerics;
using Previz.Core.Sampling;
using Previz.Core.Scenes;

namespace Previz.Core.Motion;

/// <summary>
/// Measures a shot's camera and subject motion from the sampled animation. Translations are split along the camera's
/// axes at shot start (dolly = forward, truck = right, pedestal = up); pan and tilt are changes of heading and
/// elevation (as a level tripod head turns); a camera circling its aim target (or the point its view rays meet) by
/// 15° or more at a steady distance is an orbit.
/// </summary>
public static class MotionAnalyzer
{
    public const double TranslationThresholdMetres = 0.1;
    public const double RotationThresholdDegrees = 2;
    public const double ZoomThresholdRatio = 0.03;
    public const double OrbitThresholdDegrees = 15;
    public const double TurnThresholdDegrees = 10;

    public static ShotMotion Analyze(SceneDocument scene, Shot shot) => Analyze(new PoseSampler(scene), shot);

    public static ShotMotion Analyze(PoseSampler sampler, Shot shot, double samplesPerSecond = 24)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(shot);
        var count = Math.Max(2, (int)Math.Ceiling(shot.Duration * samplesPerSecond) + 1);
        var times = Enumerable.Range(0, count).Select(i => shot.Start + (shot.Duration * i / (count - 1))).ToArray();
        var camera = sampler.Scene.FindCamera(shot.CameraId)
            ?? throw new ArgumentException($"No camera with id \"{shot.CameraId}\".", nameof(shot));
        var poses = times.Select(t => sampler.Camera(shot, t)).ToArray();
        var aimIds = times.Select(t => camera.Animation.Aim.Sample(t, camera.AimTargetId)).ToArray();

        var cameraMotion = AnalyzeCamera(sampler, shot, times, poses, aimIds);
        var subjects = AnalyzeSubjects(sampler, shot, times, poses[0], aimIds);
        return new ShotMotion(shot, cameraMotion, subjects);
    }

    private static CameraMotion AnalyzeCamera(PoseSampler sampler, Shot shot, double[] times, Cameras.CameraPose[] poses, string?[] aimIds)
    {
        var first = poses[0];
        var last = poses[^1];
        var r0 = first.Right;
        var u0 = first.Up;
        var f0 = first.Forward;
        var d = last.Position - first.Position;

        double pan = 0, roll = 0;
        for (var i = 1; i < poses.Length; i++)
        {
            pan += WrapDegrees(Heading(poses[i]) - Heading(poses[i - 1]));
            roll += WrapDegrees(Roll(poses[i]) - Roll(poses[i - 1]));
        }

        var tilt = Elevation(last) - Elevation(first);
        var moves = new List<CameraMoveAmount>();

        // Orbit: the camera's bearing around a pivot changes while its distance holds.
        var aimStart = aimIds[0];
        var scene = sampler.Scene;
        Vector3[]? pivots = null;
        string? pivotName = null;
        if (aimStart is not null && scene.FindObject(aimStart) is { } aimObject && aimIds.All(a => a == aimStart))
        {
            pivots = times.Select(t => sampler.ObjectWorld(aimStart, t).Translation).ToArray();
            pivotName = "the " + (aimObject.Name ?? aimObject.Id);
        }
        else if (RayMeeting(first.Position, f0, last.Position, last.Forward) is { } meeting)
        {
            pivots = [.. Enumerable.Repeat(meeting, times.Length)];
        }

        var inferredPivot = pivotName is null;
        var orbited = false;
        if (pivots is not null)
        {
            double sweep = 0;
            var minDistance = double.MaxValue;
            var maxDistance = 0.0;
            for (var i = 0; i < poses.Length; i++)
            {
                var rel = poses[i].Position - pivots[i];
                var horizontal = Math.Sqrt((rel.X * rel.X) + (rel.Z * rel.Z));
                minDistance = Math.Min(minDistance, horizontal);
                maxDistance = Math.Max(maxDistance, horizontal);
                if (i > 0)
                {
                    var prev = poses[i - 1].Position - pivots[i - 1];
                    sweep += WrapDegrees(Bearing(rel) - Bearing(prev));
                }
            }

            // Without an aim target the camera must also keep turning towards the point (pan ≈ −sweep),
            // or a sideways move with a small turn would pass for an orbit around a far-away point.
            var keepsFacing = !inferredPivot || Math.Abs(pan + sweep) < 0.3 * Math.Abs(sweep);
            if (keepsFacing && Math.Abs(sweep) >= OrbitThresholdDegrees && minDistance > 0.5 && maxDistance / minDistance < 1.5)
            {
                orbited = true;
                moves.Add(new CameraMoveAmount(CameraMove.Orbit, sweep));
                var startRel = first.Position - pivots[0];
                var endRel = last.Position - pivots[^1];
                var closer = Horizontal(startRel) - Horizontal(endRel);
                Add(moves, CameraMove.Dolly, closer, TranslationThresholdMetres);
            }
        }

        if (!orbited)
        {
            Add(moves, CameraMove.Dolly, Vector3.Dot(d, f0), TranslationThresholdMetres);
            Add(moves, CameraMove.Truck, Vector3.Dot(d, r0), TranslationThresholdMetres);
            Add(moves, CameraMove.Pan, pan, RotationThresholdDegrees);
        }

        Add(moves, CameraMove.Pedestal, Vector3.Dot(d, u0), TranslationThresholdMetres);
        Add(moves, CameraMove.Tilt, tilt, RotationThresholdDegrees);
        Add(moves, CameraMove.Roll, roll, RotationThresholdDegrees);
        var zoom = last.FocalLengthMm - first.FocalLengthMm;
        if (Math.Abs(zoom) >= ZoomThresholdRatio * first.FocalLengthMm)
        {
            moves.Add(new CameraMoveAmount(CameraMove.Zoom, zoom));
        }

        var aimName = aimStart is not null && scene.FindObject(aimStart) is { } target ? "the " + (target.Name ?? target.Id) : null;
        return new CameraMotion
        {
            Moves = moves,
            Seconds = shot.Duration,
            StartFocalMm = first.FocalLengthMm,
            EndFocalMm = last.FocalLengthMm,
            AimTargetName = moves.Count > 0 ? aimName : null,
            OrbitPivotName = pivotName,
        };
    }

    private static List<SubjectMotion> AnalyzeSubjects(PoseSampler sampler, Shot shot, double[] times, Cameras.CameraPose start, string?[] aimIds)
    {
        var result = new List<SubjectMotion>();
        var scene = sampler.Scene;
        foreach (var obj in scene.Objects.OrderByDescending(o => o.Hero))
        {
            if (!obj.Animation.IsAnimated && !(obj.Hero && obj.ParentId is not null))
            {
                continue;
            }

            var worlds = times.Select(t => sampler.ObjectWorld(obj.Id, t)).ToArray();
            double path = 0;
            double turn = 0;
            for (var i = 1; i < worlds.Length; i++)
            {
                path += Vector3.Distance(worlds[i].Translation, worlds[i - 1].Translation);
                turn += WrapDegrees(ObjectHeading(worlds[i]) - ObjectHeading(worlds[i - 1]));
            }

            if (path < TranslationThresholdMetres && Math.Abs(turn) < TurnThresholdDegrees)
            {
                continue;
            }

            var net = worlds[^1].Translation - worlds[0].Translation;
            var screen = new Vector3(Vector3.Dot(net, start.Right), Vector3.Dot(net, start.Up), Vector3.Dot(net, start.Forward));
            result.Add(new SubjectMotion(obj, path, screen, shot.Duration, aimIds.Contains(obj.Id), turn));
        }

        return result;
    }

    private static void Add(List<CameraMoveAmount> moves, CameraMove move, double amount, double threshold)
    {
        if (Math.Abs(amount) >= threshold)
        {
            moves.Add(new CameraMoveAmount(move, amount));
        }
    }

    /// <summary>Heading in degrees, positive to the right (clockwise seen from above) of −Z.</summary>
    private static double Heading(Cameras.CameraPose pose)
    {
        var f = pose.Forward;
        // Looking straight up or down: the top of the picture gives the heading instead.
        var v = MathF.Abs(f.Y) > 0.99f ? pose.Up * -MathF.Sign(f.Y) : f;
        return Math.Atan2(v.X, -v.Z) * 180 / Math.PI;
    }

    /// <summary>Heading of an object's +X axis about the vertical, positive clockwise seen from above.</summary>
    private static double ObjectHeading(Matrix4x4 world)
    {
        var x = Vector3.TransformNormal(Vector3.UnitX, world);
        return Math.Atan2(x.Z, x.X) * 180 / Math.PI;
    }

    private static double Elevation(Cameras.CameraPose pose) => Math.Asin(Math.Clamp(pose.Forward.Y, -1f, 1f)) * 180 / Math.PI;

    private static double Roll(Cameras.CameraPose pose) => Math.Atan2(-pose.Right.Y, pose.Up.Y) * 180 / Math.PI;

    private static double Bearing(Vector3 rel) => Math.Atan2(rel.X, rel.Z) * 180 / Math.PI;

    private static double Horizontal(Vector3 v) => Math.Sqrt((v.X * v.X) + (v.Z * v.Z));

    private static double WrapDegrees(double a)
    {
        while (a > 180)
        {
            a -= 360;
        }

        while (a <= -180)
        {
            a += 360;
        }

        return a;
    }

    /// <summary>Where two view rays pass closest, when both reach it in front of the camera; null for parallel rays.</summary>
    private static Vector3? RayMeeting(Vector3 p0, Vector3 d0, Vector3 p1, Vector3 d1)
    {
        var w = p0 - p1;
        var a = Vector3.Dot(d0, d0);
        var b = Vector3.Dot(d0, d1);
        var c = Vector3.Dot(d1, d1);
        var dd = Vector3.Dot(d0, w);
        var e = Vector3.Dot(d1, w);
        var denominator = (a * c) - (b * b);
        if (denominator < 1e-4f)
        {
            return null;
        }

        var s = ((b * e) - (c * dd)) / denominator;
        var t = ((a * e) - (b * dd)) / denominator;
        var a0 = p0 + (s * d0);
        var a1 = p1 + (t * d1);
        // The rays must really meet (within a tenth of the distance), in front of both cameras.
        if (s <= 0 || t <= 0 || Vector3.Distance(a0, a1) > 0.1f * MathF.Max(s, t))
        {
            return null;
        }

        return (a0 + a1) / 2;
    }
}
