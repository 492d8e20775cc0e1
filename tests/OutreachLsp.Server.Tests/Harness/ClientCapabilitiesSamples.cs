namespace OutreachLsp.Server.Tests.Harness;

/// <summary>Client capabilities as real editors send them (trimmed to what matters to this server).</summary>
public static class ClientCapabilitiesSamples
{
    /// <summary>A modern client that does not pull diagnostics (push mode), with every other feature.</summary>
    public static readonly object PushOnly = new
    {
        workspace = new
        {
            applyEdit = true,
            workspaceEdit = new { documentChanges = true, resourceOperations = new[] { "create", "rename", "delete" } },
            didChangeConfiguration = new { dynamicRegistration = true },
            didChangeWatchedFiles = new { dynamicRegistration = true },
            workspaceFolders = true,
            configuration = true,
        },
        textDocument = new
        {
            synchronization = new { dynamicRegistration = true, didSave = true },
            completion = new { completionItem = new { snippetSupport = true, documentationFormat = new[] { "markdown", "plaintext" } } },
            hover = new { contentFormat = new[] { "markdown", "plaintext" } },
            codeAction = new { codeActionLiteralSupport = new { codeActionKind = new { valueSet = new[] { "", "quickfix", "source", "source.fixAll" } } }, isPreferredSupport = true },
            publishDiagnostics = new { relatedInformation = true, versionSupport = true, codeDescriptionSupport = true },
        },
        window = new { workDoneProgress = true },
        general = new { positionEncodings = new[] { "utf-16" } },
    };

    /// <summary>VS Code 1.9x with vscode-languageclient 9: also pulls diagnostics.</summary>
    public static readonly object VsCode = new
    {
        workspace = new
        {
            applyEdit = true,
            workspaceEdit = new { documentChanges = true, resourceOperations = new[] { "create", "rename", "delete" } },
            didChangeConfiguration = new { dynamicRegistration = true },
            didChangeWatchedFiles = new { dynamicRegistration = true, relativePatternSupport = true },
            workspaceFolders = true,
            configuration = true,
            diagnostics = new { refreshSupport = true },
        },
        textDocument = new
        {
            synchronization = new { dynamicRegistration = true, willSave = true, willSaveWaitUntil = true, didSave = true },
            completion = new { completionItem = new { snippetSupport = true, documentationFormat = new[] { "markdown", "plaintext" } } },
            hover = new { contentFormat = new[] { "markdown", "plaintext" } },
            codeAction = new { codeActionLiteralSupport = new { codeActionKind = new { valueSet = new[] { "", "quickfix", "refactor", "source", "source.fixAll" } } }, isPreferredSupport = true },
            publishDiagnostics = new { relatedInformation = true, versionSupport = false, codeDescriptionSupport = true },
            diagnostic = new { dynamicRegistration = true, relatedDocumentSupport = false },
        },
        window = new { workDoneProgress = true },
        general = new { positionEncodings = new[] { "utf-16" } },
    };

    /// <summary>Neovim 0.7: no dynamic registration, no workspace/configuration, no pull, no resource operations.</summary>
    public static readonly object Neovim07 = new
    {
        workspace = new
        {
            applyEdit = true,
            workspaceEdit = new { resourceOperations = Array.Empty<string>() },
            workspaceFolders = true,
        },
        textDocument = new
        {
            synchronization = new { didSave = true },
            completion = new { completionItem = new { snippetSupport = false } },
            hover = new { contentFormat = new[] { "markdown", "plaintext" } },
            codeAction = new { codeActionLiteralSupport = new { codeActionKind = new { valueSet = new[] { "", "quickfix", "source" } } } },
            publishDiagnostics = new { relatedInformation = true },
        },
        window = new { workDoneProgress = true },
    };
}
