using Previz.Core.Scenes;

namespace Previz.Core.Characters;

/// <summary>One node of a rigged file (a joint, the mesh node, or what lies between): its parent and rest transform.</summary>
/// <param name="Name">The node's name in the file, or null.</param>
/// <param name="Parent">The parent's index in <see cref="Rig.Nodes"/>, or −1 for a root.</param>
/// <param name="Rest">The node's own transform when no clip moves it.</param>
public sealed record RigNode(string? Name, int Parent, Transform Rest);
