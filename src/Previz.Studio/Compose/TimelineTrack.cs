using Previz.Core.Animation;
using Previz.Core.Scenes;

namespace Previz.Studio.Compose;

/// <summary>One animated track as the timeline shows it: whose, which, and its keys' times and interpolations.</summary>
public sealed record TimelineTrack(string RowId, ComposeTarget Target, string Track, string Label, IReadOnlyList<TimelineKey> Keys)
{
    /// <summary>Every keyed track of the scene's objects, then its cameras, in document order.</summary>
    public static IReadOnlyList<TimelineTrack> Of(SceneDocument scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var rows = new List<TimelineTrack>();
        foreach (var obj in scene.Objects)
        {
            var target = new ComposeTarget(obj.Id, ComposeTargetKind.SceneObject);
            Add(rows, target, obj.DisplayName, "position", obj.Animation.Position.Keys.Select(k => new TimelineKey(k.Time, k.Interpolation)));
            Add(rows, target, obj.DisplayName, "rotation", obj.Animation.Rotation.Keys.Select(k => new TimelineKey(k.Time, k.Interpolation)));
            Add(rows, target, obj.DisplayName, "scale", obj.Animation.Scale.Keys.Select(k => new TimelineKey(k.Time, k.Interpolation)));
        }

        foreach (var camera in scene.Cameras)
        {
            var target = new ComposeTarget(camera.Id, ComposeTargetKind.Camera);
            var name = $"{camera.DisplayName} (camera)";
            var t = camera.Animation.Transform;
            Add(rows, target, name, "position", t.Position.Keys.Select(k => new TimelineKey(k.Time, k.Interpolation)));
            Add(rows, target, name, "rotation", t.Rotation.Keys.Select(k => new TimelineKey(k.Time, k.Interpolation)));
            Add(rows, target, name, "focalLength", camera.Animation.FocalLength.Keys.Select(k => new TimelineKey(k.Time, k.Interpolation)));
        }

        return rows;
    }

    private static void Add(List<TimelineTrack> rows, ComposeTarget target, string name, string track, IEnumerable<TimelineKey> keys)
    {
        var list = keys.ToList();
        if (list.Count > 0)
        {
            var kind = target.Kind == ComposeTargetKind.Camera ? "camera" : "object";
            rows.Add(new TimelineTrack($"{kind}:{target.Id}:{track}", target, track, $"{name} · {(track == "focalLength" ? "lens" : track)}", list));
        }
    }
}
