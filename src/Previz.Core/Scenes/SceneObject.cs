using System.Numerics;
using Previz.Core.Animation;
using Previz.Core.Geometry;

namespace Previz.Core.Scenes;

/// <summary>Something in the scene: a hero subject the prompt must name, or a prop.</summary>
public sealed record SceneObject
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public bool Hero { get; init; }

    public ShapeKind Shape { get; init; } = ShapeKind.Box;

    /// <summary>Dimensions of the primitive in metres (not inherited by children, unlike scale).</summary>
    public Vector3 Size { get; init; } = Vector3.One;

    /// <summary>For <see cref="ShapeKind.Mesh"/>: the file it came from, relative to the scene file.</summary>
    public string? MeshPath { get; init; }

    /// <summary>For <see cref="ShapeKind.Mesh"/>: the geometry once imported.</summary>
    public Mesh? Mesh { get; init; }

    public Transform Transform { get; init; } = Transform.Identity;

    public ColorRgb Color { get; init; } = new(0.7f, 0.7f, 0.7f);

    public string? ParentId { get; init; }

    public IReadOnlyList<ImageReference> References { get; init; } = [];

    public TransformAnimation Animation { get; init; } = TransformAnimation.None;

    /// <summary>For a rigged <see cref="ShapeKind.Mesh"/>: the clip of its file it plays, or null for the file's default.</summary>
    public Characters.ClipAction? Action { get; init; }

    public string DisplayName => Name ?? Id;
}
