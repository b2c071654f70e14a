using System.Numerics;
using Previz.Core.Cameras;
using Previz.Core.Sampling;
using Previz.Core.Scenes;

namespace Previz.Core.Prompting;

/// <summary>Framing words from the camera at shot start: wide / medium / close-up and high / eye-level / low angle.</summary>
public sealed record ShotFraming(string Size, string Angle, float FocalLengthMm)
{
    public static ShotFraming Measure(PoseSampler sampler, Shot shot)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        ArgumentNullException.ThrowIfNull(shot);
        var pose = sampler.Camera(shot, shot.Start);
        var objects = sampler.SampleObjects(shot.Start);
        var tanHalf = MathF.Tan(pose.VerticalFovRadians / 2);

        // The nearest hero in front of the camera decides the size; without one, the lens does.
        float? fraction = null;
        foreach (var o in objects.Objects.Where(o => o.Subject.Hero))
        {
            var toObject = o.Position - pose.Position;
            var depth = Vector3.Dot(toObject, pose.Forward);
            if (depth <= 0.01f)
            {
                continue;
            }

            Matrix4x4.Decompose(o.World, out var scale, out _, out _);
            var height = MathF.Max(o.Subject.Size.Y * MathF.Abs(scale.Y), MathF.Max(o.Subject.Size.X * MathF.Abs(scale.X), o.Subject.Size.Z * MathF.Abs(scale.Z)));
            var f = height / (2 * depth * tanHalf);
            fraction = fraction is null ? f : MathF.Max(fraction.Value, f);
        }

        var size = fraction switch
        {
            null => pose.FocalLengthMm < 30 ? "wide shot" : pose.FocalLengthMm < 70 ? "medium shot" : "close-up",
            >= 0.5f => "close-up",
            >= 0.2f => "medium shot",
            _ => "wide shot",
        };
        var pitch = MathF.Asin(Math.Clamp(pose.Forward.Y, -1f, 1f)) * 180f / MathF.PI;
        var angle = pitch < -60 ? "top-down angle" : pitch < -12 ? "high angle" : pitch > 12 ? "low angle" : "eye-level angle";
        return new ShotFraming(size, angle, pose.FocalLengthMm);
    }
}
