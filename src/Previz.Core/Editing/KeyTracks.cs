using System.Text.Json;
using System.Text.Json.Nodes;

namespace Previz.Core.Editing;

/// <summary>Finds the keys of one track (<c>animation.position</c>…) of an object or a camera for the key edits.</summary>
internal static class KeyTracks
{
    private static readonly string[] ObjectTracks = ["position", "rotation", "scale"];
    private static readonly string[] CameraTracks = ["position", "rotation", "focalLength"];

    public static void CheckName(string collection, string? track)
    {
        var allowed = collection == "objects" ? ObjectTracks : CameraTracks;
        if (track is null || !allowed.Contains(track, StringComparer.Ordinal))
        {
            throw new EditRefusedException("track", $"\"{track}\" is not a track of {(collection == "objects" ? "an object" : "a camera")}; use {string.Join(", ", allowed)}");
        }
    }

    /// <summary>The track's keys, or null when the track has none.</summary>
    public static JsonArray? Existing(JsonObject entry, string track) =>
        entry["animation"] is JsonObject animation && animation[track] is JsonArray keys ? keys : null;

    public static JsonArray Create(JsonObject entry, string track)
    {
        var animation = EditValues.Child(entry, "animation");
        if (animation[track] is JsonArray keys)
        {
            return keys;
        }

        var made = new JsonArray();
        animation[track] = made;
        return made;
    }

    /// <summary>Drops an emptied track, and the animation block once it holds nothing.</summary>
    public static void Prune(JsonObject entry, string track)
    {
        if (entry["animation"] is not JsonObject animation)
        {
            return;
        }

        if (animation[track] is JsonArray { Count: 0 })
        {
            animation.Remove(track);
        }

        if (animation.Count == 0)
        {
            entry.Remove("animation");
        }
    }

    public static double? TimeOf(JsonNode? key) =>
        key is JsonObject k && k["time"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : null;

    /// <summary>The index of the key at <paramref name="time"/> (within <see cref="EditableScene.SameTime"/>), or −1.</summary>
    public static int IndexAt(JsonArray keys, double time)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (TimeOf(keys[i]) is { } t && Math.Abs(t - time) <= EditableScene.SameTime)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The key at a time, refusing when there is none.</summary>
    public static (JsonArray Keys, int Index) Find(JsonObject entry, string track, double time, string field)
    {
        var keys = Existing(entry, track);
        var index = keys is null ? -1 : IndexAt(keys, time);
        return index < 0
            ? throw new EditRefusedException(field, $"the {track} track has no key at {EditableScene.Seconds(time)} s")
            : (keys!, index);
    }

    /// <summary>Where a key at <paramref name="time"/> goes so the track stays in time order.</summary>
    public static int SortedPosition(JsonArray keys, double time)
    {
        var i = 0;
        while (i < keys.Count && TimeOf(keys[i]) is { } t && t < time)
        {
            i++;
        }

        return i;
    }
}
