using System.Numerics;
using Previz.Core.Cameras;
using Previz.Core.Characters;
using Previz.Core.Sampling;
using Previz.Core.Scenes;

namespace Previz.Import.Reading;

/// <summary>
/// A camera for a file that has none: it looks at everything from the front, a little from the right and above, far
/// enough that the sphere around the animated bounds (every vertex at every sampled time, deformations included) fits
/// the frame; one shot spans the animation (or five seconds of a still file).
/// </summary>
internal static class DefaultFraming
{
    public const string CameraId = "previz-camera";
    public const double StillSeconds = 5;
    public const float VerticalFovDegrees = 40;

    /// <summary>Frames sampled for the bounds at most (spread over the range, first and last included).</summary>
    private const int Samples = 49;

    private static readonly Vector3 Direction = Vector3.Normalize(new Vector3(0.45f, 0.35f, 1f));

    public static SceneDocument AddCamera(SceneDocument scene, (double Start, double End)? range, double fps, FileNotes notes)
    {
        var (start, duration) = range is { } r ? (r.Start, (Math.Round((r.End - r.Start) * fps) / fps) + (1 / fps)) : (0, StillSeconds);
        var frames = (int)Math.Round(duration * fps);
        var (min, max) = AnimatedBounds(scene, start, frames, fps);
        var centre = (min + max) * 0.5f;
        var radius = MathF.Max(0.05f, Vector3.Distance(min, max) * 0.5f);
        var aspect = (float)AspectRatio.Landscape16x9.Value;
        var halfV = VerticalFovDegrees * MathF.PI / 360f;
        var halfH = MathF.Atan(MathF.Tan(halfV) * aspect);
        var distance = radius / MathF.Sin(MathF.Min(halfV, halfH)) * 1.05f;
        var position = centre + (Direction * distance);
        var id = CameraId;
        for (var k = 2; scene.Objects.Any(o => o.Id == id); k++)
        {
            id = $"{CameraId}-{k}";
        }

        var camera = new SceneCamera
        {
            Id = id,
            Transform = new Transform(position, LookRotation.Towards(position, centre), Vector3.One),
            Lens = new Lens { VerticalFovDegrees = VerticalFovDegrees },
            Near = MathF.Max(0.01f, (distance - radius) * 0.5f),
            Far = MathF.Max((distance + radius) * 2f, 1f),
        };
        var shot = new Shot { Id = id, CameraId = id, Aspect = AspectRatio.Landscape16x9, Start = start, Duration = duration, Fps = fps };
        notes.Add(range is null
            ? $"the file has no camera: added \"{id}\" framing everything, and a {StillSeconds:0} s shot of the still file."
            : $"the file has no camera: added \"{id}\" framing everything over the animation ({frames} frames from {start:0.###} s).");
        return scene with { Cameras = [camera], Shots = [shot] };
    }

    /// <summary>World-space bounds of every vertex at <paramref name="frames"/> frame times from <paramref name="start"/> (at most <see cref="Samples"/> of them).</summary>
    public static (Vector3 Min, Vector3 Max) AnimatedBounds(SceneDocument scene, double start, int frames, double fps)
    {
        var sampler = new PoseSampler(scene);
        var deformers = new Dictionary<int, (MeshDeformer Deformer, Vector3[] Buffer)>();
        var min = new Vector3(float.MaxValue);
        var max = new Vector3(float.MinValue);
        var samples = Math.Clamp(frames, 1, Samples);
        for (var s = 0; s < samples; s++)
        {
            var frame = samples == 1 ? 0 : (int)Math.Round(s * (frames - 1) / (double)(samples - 1));
            var time = start + (frame / fps);
            var pose = sampler.SampleObjects(time);
            for (var o = 0; o < pose.Objects.Count; o++)
            {
                var obj = scene.Objects[o];
                if (obj.Mesh is not { Positions.Length: > 0 } mesh)
                {
                    continue;
                }

                var positions = mesh.Positions;
                if (mesh.Deformation is { } deformation)
                {
                    if (!deformers.TryGetValue(o, out var d))
                    {
                        deformers[o] = d = (new MeshDeformer(deformation, parallel: false), new Vector3[deformation.BindPositions.Length]);
                    }

                    d.Deformer.Deform(time, obj.Action, d.Buffer);
                    positions = d.Buffer;
                }

                var world = pose.Objects[o].World;
                foreach (var p in positions)
                {
                    var w = Vector3.Transform(p, world);
                    min = Vector3.Min(min, w);
                    max = Vector3.Max(max, w);
                }
            }
        }

        return min.X <= max.X ? (min, max) : (Vector3.Zero, Vector3.Zero);
    }
}
