using System.Text.Json.Serialization;

namespace Previz.Core.Editing;

/// <summary>
/// One small change to a scene document, as data: the studio, the HTTP API and tests send the same operations.
/// Applying one returns its inverse, so a batch and the reversed list of its inverses undo each other exactly.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(SetScene), "setScene")]
[JsonDerivedType(typeof(AddObject), "addObject")]
[JsonDerivedType(typeof(RemoveObject), "removeObject")]
[JsonDerivedType(typeof(SetObject), "setObject")]
[JsonDerivedType(typeof(SetTransform), "setTransform")]
[JsonDerivedType(typeof(AddCamera), "addCamera")]
[JsonDerivedType(typeof(RemoveCamera), "removeCamera")]
[JsonDerivedType(typeof(SetCamera), "setCamera")]
[JsonDerivedType(typeof(SetKey), "setKey")]
[JsonDerivedType(typeof(DeleteKey), "deleteKey")]
[JsonDerivedType(typeof(MoveKey), "moveKey")]
[JsonDerivedType(typeof(SetKeyInterpolation), "setKeyInterpolation")]
[JsonDerivedType(typeof(AddShot), "addShot")]
[JsonDerivedType(typeof(DuplicateShot), "duplicateShot")]
[JsonDerivedType(typeof(RemoveShot), "removeShot")]
[JsonDerivedType(typeof(MoveShot), "moveShot")]
[JsonDerivedType(typeof(SetShot), "setShot")]
[JsonDerivedType(typeof(RestoreFields), "restoreFields")]
public abstract record SceneEdit
{
    /// <summary>Changes the document and returns the edit that puts it back as it was.</summary>
    /// <exception cref="EditRefusedException">The edit cannot apply; the document may be half changed and is discarded.</exception>
    internal abstract SceneEdit Apply(EditableScene scene);
}
