namespace Previz.Core.Geometry;

/// <summary>The geometry an object is drawn with: a built-in primitive or a mesh from a file.</summary>
public enum ShapeKind
{
    Box,
    Sphere,
    Cylinder,
    Cone,
    Plane,
    Capsule,

    /// <summary>A standing mannequin: head, torso, arms and legs filling its size (height along +Y).</summary>
    Person,
    Mesh,
}
