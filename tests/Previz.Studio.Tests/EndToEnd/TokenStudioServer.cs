namespace Previz.Studio.Tests.EndToEnd;

/// <summary>A <see cref="StudioServer"/> that requires its access token (<c>PREVIZ_TOKEN</c>) on every studio request.</summary>
public sealed class TokenStudioServer : StudioServer
{
    public override string Token => "e2e-studio-token-0f3a9c";
}
