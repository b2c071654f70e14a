namespace Previz.Studio.Persistence;

/// <summary>
/// The sequence of one scene lineage (every version of a scene name): which take fills each shot and the sound cues.
/// It cuts the newest version's shots in storyboard order; a take chosen for a shot that a later version removed stays
/// stored and is simply not used.
/// </summary>
public sealed class SequenceRecord
{
    public Guid Id { get; set; }

    /// <summary>The scene name the sequence belongs to (<see cref="SceneRecord.Name"/>, every version of it).</summary>
    public required string SceneName { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
