namespace Previz.Core.Modes;

/// <summary>Pictures a mode needs from the user before it can run.</summary>
[Flags]
public enum ModeInputs
{
    None = 0,
    StartFrame = 1,
    EndFrame = 2,
}
