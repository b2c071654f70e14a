namespace Previz.Core.Characters;

/// <summary>
/// Which clip of its file a mesh object plays: from scene time <see cref="Start"/>, at <see cref="Speed"/> times its
/// own pace, looping or holding its last pose. Before the start it holds the clip's first pose.
/// </summary>
public sealed record ClipAction(string Clip, double Start = 0, double Speed = 1, bool Loop = true)
{
    /// <summary>The one message for an action naming a clip its mesh file lacks: it lists the clips the file has.</summary>
    public static string UnknownClip(string meshPath, string clip, IReadOnlyList<string> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        return clips.Count == 0
            ? $"\"{meshPath}\" has no animations, so there is no clip \"{clip}\""
            : $"\"{meshPath}\" has no clip \"{clip}\"; its clips are {string.Join(", ", clips.Select(c => $"\"{c}\""))}";
    }

    /// <summary>The time inside <paramref name="clip"/> (its own key times) at scene time <paramref name="sceneTime"/>.</summary>
    public double ClipTime(RigClip clip, double sceneTime)
    {
        ArgumentNullException.ThrowIfNull(clip);
        var elapsed = Math.Max(0, (sceneTime - Start) * Speed);
        var length = clip.Length;
        if (length <= 0)
        {
            return clip.Start;
        }

        if (!Loop)
        {
            return clip.Start + Math.Min(elapsed, length);
        }

        return clip.Start + (elapsed % length);
    }
}
