namespace Previz.Studio.Planning;

/// <summary>An aspect the model makes: the value to send as <c>aspect</c> and its orientation.</summary>
public sealed record OrientationChoice(string Aspect, string Orientation);
