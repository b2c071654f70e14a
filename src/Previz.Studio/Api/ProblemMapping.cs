using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Previz.Core;
using Previz.Core.Editing;
using Previz.Core.Loading;
using Previz.Core.Options;
using Previz.Providers.Errors;
using Previz.Studio.Compare;
using Previz.Studio.Reviews;
using Previz.Studio.Security;

namespace Previz.Studio.Api;

/// <summary>
/// Turns exceptions into problem-details JSON: user errors are 400 with the field (or JSON path) named; bugs are 500
/// without details, logged once here with the trace id the answer carries (the framework does not log an exception a
/// handler has handled). Every message passes the secret redactor.
/// </summary>
public sealed partial class ProblemMapping : IExceptionHandler
{
    private readonly IProblemDetailsService _problems;
    private readonly SecretRedactor _redactor;
    private readonly ILogger<ProblemMapping> _logger;

    public ProblemMapping(IProblemDetailsService problems, SecretRedactor redactor, ILogger<ProblemMapping> logger)
    {
        _problems = problems;
        _redactor = redactor;
        _logger = logger;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var problem = exception switch
        {
            SceneValidationException scene => Invalid(scene.Errors.Any()
                ? scene.Errors.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => _redactor.Redact(p.Message)).ToArray())
                : new Dictionary<string, string[]> { ["file"] = [_redactor.Redact(scene.Message)] }, "The scene is not valid."),
            SceneEditException edit => Refused(edit),
            UnsupportedOptionException unsupported => Unsupported(unsupported),
            MissingApiKeyException key => new ProblemDetails
            {
                Status = 400,
                Title = "An API key is missing.",
                Detail = _redactor.Redact(key.Message),
                // The variable's name only; the key is never in any answer.
                Extensions = { ["variable"] = key.VariableName },
            },
            // A single generation or a compare batch over the budget: the same answer, with the figures.
            Core.Costs.BudgetExceededException budget => new ProblemDetails
            {
                Status = StatusCodes.Status402PaymentRequired,
                Title = budget.Takes > 1 ? "The batch is over the budget." : "The generation is over the budget.",
                Detail = budget.Message,
                Extensions = { ["totalUsd"] = budget.Cost, ["leftUsd"] = budget.Left, ["capUsd"] = budget.Cap, ["takes"] = budget.Takes },
            },
            FieldException field => Invalid(new Dictionary<string, string[]> { [field.Field] = [_redactor.Redact(field.Message)] }, _redactor.Redact(field.Message)),
            UserErrorException user => new ProblemDetails { Status = 400, Title = "The request cannot be served.", Detail = _redactor.Redact(user.Message) },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request.", Detail = _redactor.Redact(bad.Message) },
            _ => new ProblemDetails { Status = 500, Title = "Previz hit an internal error.", Detail = "The error is in the server's log." },
        };
        httpContext.Response.StatusCode = problem.Status ?? 500;
        if (httpContext.Response.StatusCode >= 500)
        {
            var traceId = Activity.Current?.Id ?? httpContext.TraceIdentifier;
            problem.Extensions["traceId"] = traceId;
            LogServerError(_logger, httpContext.Request.Method, ReviewPaths.Redact(httpContext.Request.Path.Value ?? string.Empty), traceId, _redactor.Redact(exception?.ToString() ?? string.Empty));
        }

        return await _problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A choice the model cannot take: the field, the model and the values it accepts.</summary>
    private HttpValidationProblemDetails Unsupported(UnsupportedOptionException e)
    {
        var field = e.Option switch
        {
            "mode" => "mode",
            "shot" => "shotId",
            "capture time" => "options.startFrame",
            "aspect" or "orientation" => "options.aspect",
            var other => "options." + other.Replace(" ", "", StringComparison.Ordinal),
        };
        var message = _redactor.Redact(e.Message);
        var problem = Invalid(new Dictionary<string, string[]> { [field] = [message] }, message);
        problem.Title = e.ModelId is null ? "The option is not supported." : $"{e.ModelId} does not support this option.";
        problem.Extensions["modelId"] = e.ModelId;
        problem.Extensions["option"] = e.Option;
        problem.Extensions["supported"] = e.Accepted;
        return problem;
    }

    /// <summary>A refused batch of scene edits: the operation by its index and every path at fault.</summary>
    private HttpValidationProblemDetails Refused(SceneEditException e)
    {
        var errors = e.Problems.Where(p => p.Severity == ProblemSeverity.Error).GroupBy(p => p.Path)
            .ToDictionary(g => g.Key, g => g.Select(p => _redactor.Redact(p.Message)).ToArray());
        var problem = Invalid(errors.Count > 0 ? errors : new Dictionary<string, string[]> { [e.Path] = [_redactor.Redact(e.Reason)] }, _redactor.Redact(e.Message));
        problem.Title = $"Operation {e.OperationIndex} was refused; nothing was applied.";
        problem.Extensions["operationIndex"] = e.OperationIndex;
        problem.Extensions["path"] = e.Path;
        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed with an internal error (trace id {TraceId}): {Error}")]
    private static partial void LogServerError(ILogger logger, string method, string path, string traceId, string error);

    private static HttpValidationProblemDetails Invalid(IDictionary<string, string[]> errors, string detail) =>
        new(errors) { Status = 400, Title = "One or more fields are not valid.", Detail = detail };
}
