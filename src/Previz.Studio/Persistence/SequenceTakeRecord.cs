namespace Previz.Studio.Persistence;

/// <summary>
/// The take chosen for one shot of a sequence: a gallery clip of that shot. A shot without a row plays Direct Render.
/// </summary>
public sealed class SequenceTakeRecord
{
    public Guid Id { get; set; }

    public Guid SequenceId { get; set; }

    /// <summary>The scene's shot id.</summary>
    public required string ShotId { get; set; }

    /// <summary>The gallery item whose clip fills the shot; a deleted item leaves the shot on Direct Render.</summary>
    public Guid GalleryItemId { get; set; }
}
