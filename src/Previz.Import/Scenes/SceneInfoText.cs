using System.Globalization;
using Previz.Core.Scenes;

namespace Previz.Import.Scenes;

/// <summary>Plain-text lines for <c>previz scene info</c>: nodes, cameras, animations and their time ranges.</summary>
public static class SceneInfoText
{
    public static IReadOnlyList<string> Describe(LoadedScene loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var scene = loaded.Scene;
        var lines = new List<string>();
        var triangles = scene.Objects.Sum(o => (long)(o.Mesh?.TriangleCount ?? 0));
        var range = loaded.Gltf?.TimeRange is { } r ? $", animated {Seconds(r.Start)}–{Seconds(r.End)} s" : string.Empty;
        lines.Add(F($"{System.IO.Path.GetFileName(loaded.Path)}: \"{scene.Name}\", {Count(scene.Objects.Count, "object")} ({triangles:N0} triangles), {Count(scene.Cameras.Count, "camera")}, {Count(scene.Shots.Count, "shot")}{range}"));
        if (loaded.Gltf is { } gltf)
        {
            lines.AddRange(DescribeGltf(gltf));
        }
        else
        {
            lines.Add("objects:");
            foreach (var o in scene.Objects)
            {
                var mesh = o.MeshPath is not null ? F($"  {o.MeshPath} ({o.Mesh?.TriangleCount ?? 0:N0} triangles)") : string.Empty;
                lines.Add(F($"  {o.Id,-24} {o.Shape.ToString().ToLowerInvariant(),-8}{mesh}{(o.Animation.IsAnimated ? "  animated" : string.Empty)}"));
            }
        }

        lines.Add("cameras:");
        foreach (var c in scene.Cameras)
        {
            var lens = c.Lens.VerticalFovDegrees is { } fov ? F($"vertical fov {fov:0.#}°") : F($"{c.Lens.FocalLengthMm:0.#} mm");
            lines.Add(F($"  {c.DisplayName,-24} {lens}{(c.Animation.IsAnimated ? "  animated" : string.Empty)}"));
        }

        lines.Add("shots:");
        foreach (var s in scene.Shots)
        {
            lines.Add(F($"  {s.DisplayName,-24} camera \"{s.CameraId}\"  {s.Aspect}  {s.FrameCount} frames at {s.Fps:0.##} fps from {Seconds(s.Start)} s"));
        }

        return lines;
    }

    /// <summary>The glTF part alone: every node with what it became, and each animation with its time range.</summary>
    public static IReadOnlyList<string> DescribeGltf(GltfImport gltf)
    {
        ArgumentNullException.ThrowIfNull(gltf);
        var lines = new List<string>();
        lines.Add("nodes:");
        foreach (var n in gltf.Nodes)
        {
            var kind = n.Kind.ToString().ToLowerInvariant();
            var detail = n.Kind == Previz.Import.GltfNodeKind.Mesh ? F($"  {n.TriangleCount:N0} triangles") : string.Empty;
            var id = n.Id is not null && n.Id != n.Name ? $"  as \"{n.Id}\"" : string.Empty;
            lines.Add(F($"  #{n.Index,-4} {n.Name ?? "(unnamed)",-24} {kind,-8}{detail}{id}{(n.Animated ? "  animated" : string.Empty)}"));
        }

        lines.Add("animations:");
        if (gltf.Animations.Count == 0)
        {
            lines.Add("  (none)");
        }

        foreach (var a in gltf.Animations)
        {
            var ignored = a.IgnoredChannels > 0 ? F($", {a.IgnoredChannels} ignored") : string.Empty;
            var posing = a.CharacterChannels > 0 ? F($", {a.CharacterChannels} posing a character") : string.Empty;
            lines.Add(F($"  {a.Name ?? $"#{a.Index}",-24} {Seconds(a.Start)}–{Seconds(a.End)} s  {Count(a.Channels, "object channel")}{posing}{ignored}"));
        }

        if (gltf.Characters.Count > 0)
        {
            lines.Add("characters:");
            foreach (var c in gltf.Characters)
            {
                var parts = new List<string>();
                if (c.Joints > 0)
                {
                    parts.Add(Count(c.Joints, "joint"));
                }

                if (c.MorphTargets > 0)
                {
                    parts.Add(Count(c.MorphTargets, "morph target"));
                }

                var clips = c.Clips.Count == 0 ? "no clips" : "clips " + string.Join(", ", c.Clips.Select(k => F($"\"{k.Name}\" {Seconds(k.Start)}–{Seconds(k.End)} s")));
                lines.Add(F($"  {c.ObjectId,-24} {string.Join(", ", parts)}; {clips}"));
            }
        }

        if (gltf.Notes.Count > 0)
        {
            lines.Add("left out or added:");
            lines.AddRange(gltf.Notes.Select(n => "  " + n));
        }

        return lines;
    }

    private static string Count(int n, string noun) => F($"{n} {noun}{(n == 1 ? string.Empty : "s")}");

    private static string Seconds(double s) => s.ToString("0.###", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
