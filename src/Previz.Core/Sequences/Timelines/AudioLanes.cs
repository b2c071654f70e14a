namespace Previz.Core.Sequences.Timelines;

/// <summary>
/// Spreads sound cues over as few audio tracks as keep them from overlapping: each cue (in start order) goes on the
/// first track free at its start. All three writers use it, so cue N is on the same track in each.
/// </summary>
internal static class AudioLanes
{
    /// <summary>The track (0 = first) of each cue, in the order of <paramref name="cues"/>.</summary>
    public static int[] Assign(IReadOnlyList<SoundCue> cues)
    {
        var lanes = new int[cues.Count];
        var ends = new List<int>();
        var order = Enumerable.Range(0, cues.Count).OrderBy(i => cues[i].RecordStart).ThenBy(i => i).ToList();
        foreach (var i in order)
        {
            var lane = ends.FindIndex(end => end <= cues[i].RecordStart);
            if (lane < 0)
            {
                lane = ends.Count;
                ends.Add(0);
            }

            ends[lane] = cues[i].RecordEnd;
            lanes[i] = lane;
        }

        return lanes;
    }

    /// <summary>How many tracks <see cref="Assign"/> used.</summary>
    public static int Count(int[] lanes) => lanes.Length == 0 ? 0 : lanes.Max() + 1;
}
