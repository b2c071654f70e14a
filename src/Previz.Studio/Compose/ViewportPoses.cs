using System.Numerics;
using System.Runtime.InteropServices;
using Previz.Core.Characters;
using Previz.Core.Geometry;
using Previz.Core.Sampling;
using Previz.Core.Scenes;

namespace Previz.Studio.Compose;

/// <summary>
/// Every object's and camera's world pose over a shot's frames, sampled by <see cref="PoseSampler"/> (the sampler
/// Direct Render uses, so aim targets, lens keys and interpolation look the same in the 3D view) and packed for the
/// browser: an object that does not move in the shot sends one matrix, a moving one a matrix per frame. System.Numerics
/// matrices are row-vector, so their row-major floats are three.js's column-major <c>Matrix4.elements</c>.
/// A mesh that deforms (skin, morph targets) also sends, per frame, its joint matrices into mesh space and its morph
/// weights from <see cref="RigPoser"/> (the poser Direct Render's deformer runs), under the object's action: joints ×
/// frames, never vertices × frames.
/// </summary>
public static class ViewportPoses
{
    /// <summary>Floats per object pose: the object-to-world matrix.</summary>
    public const int ObjectFloats = 16;

    /// <summary>Floats per camera pose: camera-to-world matrix, vertical FOV (radians), near, far, aspect.</summary>
    public const int CameraFloats = 20;

    /// <summary>Samples <paramref name="shot"/> frame by frame (frame i at <see cref="Shot.FrameTime"/>).</summary>
    public static ViewportPoseData Pack(SceneDocument scene, Shot shot)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(shot);
        var sampler = new PoseSampler(scene);
        var frames = Math.Max(1, shot.FrameCount);
        var aspect = (float)shot.Aspect.Value;
        var objects = new Matrix4x4[scene.Objects.Count][];
        for (var i = 0; i < objects.Length; i++)
        {
            objects[i] = new Matrix4x4[frames];
        }

        for (var f = 0; f < frames; f++)
        {
            var pose = sampler.SampleObjects(shot.FrameTime(f));
            for (var i = 0; i < objects.Length; i++)
            {
                objects[i][f] = pose.Objects[i].World;
            }
        }

        var cameras = new float[scene.Cameras.Count][][];
        for (var c = 0; c < cameras.Length; c++)
        {
            var camera = scene.Cameras[c];
            // Only the shot's camera takes the shot's lens override, as in Direct Render.
            float? focal = camera.Id == shot.CameraId ? shot.FocalLengthMm : null;
            cameras[c] = new float[frames][];
            for (var f = 0; f < frames; f++)
            {
                var pose = sampler.Camera(camera, shot.FrameTime(f), aspect, focal);
                var values = new float[CameraFloats];
                Flatten(pose.World, values);
                values[16] = pose.VerticalFovRadians;
                values[17] = pose.Near;
                values[18] = pose.Far;
                values[19] = pose.Aspect;
                cameras[c][f] = values;
            }
        }

        var floats = new List<float>();
        var objectEntries = new List<ViewportPoseEntry>(objects.Length);
        var row = new float[ObjectFloats];
        for (var i = 0; i < objects.Length; i++)
        {
            var animated = objects[i].Any(m => m != objects[i][0]);
            objectEntries.Add(new ViewportPoseEntry(scene.Objects[i].Id, animated));
            foreach (var matrix in animated ? objects[i] : objects[i].AsSpan(0, 1).ToArray())
            {
                Flatten(matrix, row);
                floats.AddRange(row);
            }
        }

        var cameraEntries = new List<ViewportPoseEntry>(cameras.Length);
        for (var c = 0; c < cameras.Length; c++)
        {
            var animated = cameras[c].Any(v => !v.AsSpan().SequenceEqual(cameras[c][0]));
            cameraEntries.Add(new ViewportPoseEntry(scene.Cameras[c].Id, animated));
            foreach (var values in animated ? cameras[c] : cameras[c][..1])
            {
                floats.AddRange(values);
            }
        }

        var deformEntries = new List<ViewportDeformEntry>();
        foreach (var obj in scene.Objects)
        {
            if (obj.Shape != ShapeKind.Mesh || ObjectMeshes.Of(obj)?.Deformation is not { } deformation)
            {
                continue;
            }

            var poser = new RigPoser(deformation);
            var size = (16 * poser.JointMatrices.Length) + poser.MorphWeights.Length;
            var poses = new float[frames * size];
            for (var f = 0; f < frames; f++)
            {
                poser.Pose(shot.FrameTime(f), obj.Action);
                var into = poses.AsSpan(f * size, size);
                for (var j = 0; j < poser.JointMatrices.Length; j++)
                {
                    Flatten(poser.JointMatrices[j], into.Slice(16 * j, 16));
                }

                poser.MorphWeights.CopyTo(into[(16 * poser.JointMatrices.Length)..]);
            }

            var animated = false;
            for (var f = 1; f < frames && !animated; f++)
            {
                animated = !poses.AsSpan(f * size, size).SequenceEqual(poses.AsSpan(0, size));
            }

            deformEntries.Add(new ViewportDeformEntry(obj.Id, poser.JointMatrices.Length, poser.MorphWeights.Length, animated));
            floats.AddRange(poses.AsSpan(0, animated ? poses.Length : size));
        }

        var layout = new ViewportPoseLayout(frames, shot.Fps, shot.CameraId, aspect, objectEntries, cameraEntries, deformEntries);
        return new ViewportPoseData(layout, MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(floats)).ToArray());
    }

    private static void Flatten(Matrix4x4 m, Span<float> into)
    {
        into[0] = m.M11; into[1] = m.M12; into[2] = m.M13; into[3] = m.M14;
        into[4] = m.M21; into[5] = m.M22; into[6] = m.M23; into[7] = m.M24;
        into[8] = m.M31; into[9] = m.M32; into[10] = m.M33; into[11] = m.M34;
        into[12] = m.M41; into[13] = m.M42; into[14] = m.M43; into[15] = m.M44;
    }
}
