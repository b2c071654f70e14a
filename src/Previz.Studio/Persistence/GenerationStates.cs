namespace Previz.Studio.Persistence;

/// <summary>Facts about <see cref="GenerationState"/> values.</summary>
public static class GenerationStates
{
    /// <summary>True for states that never change again.</summary>
    public static bool IsTerminal(this GenerationState state) =>
        state is GenerationState.Succeeded or GenerationState.Failed or GenerationState.Canceled;
}
