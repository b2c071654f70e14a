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
    Mesh,
}
