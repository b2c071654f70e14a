using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Previz.Core;
using Previz.Core.Loading;
using Previz.Studio.Security;

namespace Previz.Studio.Api;

/// <summary>
/// Turns exceptions into problem-details JSON: user errors are 400 with the field (or JSON path) named; bugs are 500
/// without details. Every message passes the secret redactor.
/// </summary>
public sealed class ProblemMapping : IExceptionHandler
{
    private readonly IProblemDetailsService _problems;
    private readonly SecretRedactor _redactor;

    public ProblemMapping(IProblemDetailsService problems, SecretRedactor redactor)
    {
        _problems = problems;
        _redactor = redactor;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = exception switch
        {
            SceneValidationException scene => Invalid(scene.Errors.Any()
                ? scene.Errors.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => _redactor.Redact(p.Message)).ToArray())
                : new Dictionary<string, string[]> { ["file"] = [_redactor.Redact(scene.Message)] }, "The scene is not valid."),
            FieldException field => Invalid(new Dictionary<string, string[]> { [field.Field] = [_redactor.Redact(field.Message)] }, _redactor.Redact(field.Message)),
            UserErrorException user => new ProblemDetails { Status = 400, Title = "The request cannot be served.", Detail = _redactor.Redact(user.Message) },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request.", Detail = _redactor.Redact(bad.Message) },
            _ => new ProblemDetails { Status = 500, Title = "Previz hit an internal error.", Detail = "The error is in the server's log." },
        };
        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await _problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails Invalid(IDictionary<string, string[]> errors, string detail) =>
        new(errors) { Status = 400, Title = "One or more fields are not valid.", Detail = detail };
}
