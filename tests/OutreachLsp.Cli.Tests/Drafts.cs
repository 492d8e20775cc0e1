namespace OutreachLsp.Cli.Tests;

/// <summary>Small drafts and configs the CLI tests lint.</summary>
internal static class Drafts
{
    public const string Config = """
        profile:
          name: Mariana Quispe Flores
          degree: MD
          aamc_id: "14872305"
          specialty: Internal Medicine
          visa: J-1 or H-1B
          step3: not-taken
        match_year: 2026

        """;

    /// <summary>A thank-you note that breaks no rule.</summary>
    public const string Clean = """
        ---
        to: rokafor@pinecrest.example.org
        to_name: Dr. Ruth Okafor
        to_role: Program Director
        program: Pinecrest Medical Center Internal Medicine Residency
        aliases: [Pinecrest]
        nrmp: true
        stage: post-interview
        type: thank-you
        match_year: 2026
        interview_date: 2025-11-03
        send_date: 2025-11-04
        program_visa: J-1 and H-1B
        ---
        Dear Dr. Okafor,

        Thank you for the opportunity to interview with Pinecrest yesterday. I greatly enjoyed hearing about the refugee clinic and the way residents follow their patients there.

        I remain very interested in your program and would be thrilled to train at Pinecrest. Thank you again for your time and consideration.

        Sincerely,
        Mariana Quispe Flores, MD
        AAMC ID: 14872305

        """;

    /// <summary>A leftover template placeholder after an emoji on the same line (error: unfilled-placeholder).</summary>
    public const string Placeholder = """
        ---
        to: gme@sierravista.example.org
        to_name: Mr. Daniel Reyes
        to_role: Program Coordinator
        program: Sierra Vista Internal Medicine Residency
        nrmp: true
        stage: post-interview
        type: thank-you
        match_year: 2026
        interview_date: 2025-11-03
        send_date: 2025-11-04
        program_visa: J-1
        ---
        Dear Mr. Reyes,

        Thank you 🙏 for showing me [Program Name] and its clinic yesterday.

        Sincerely,
        Mariana Quispe Flores, MD
        AAMC ID: 14872305

        """;

    /// <summary>A first-choice claim; two of these to different programs conflict (multiple-first-choice).</summary>
    public static string FirstChoice(string program, string shortName, string date) => $"""
        ---
        to: pd@{shortName.ToLowerInvariant()}.example.org
        to_name: Dr. Helen Marsh
        to_role: Program Director
        program: {program}
        aliases: [{shortName}]
        nrmp: true
        stage: rank-season
        type: letter-of-intent
        match_year: 2026
        interview_date: 2025-11-03
        send_date: {date}
        program_visa: J-1
        ---
        Dear Dr. Marsh,

        I am writing to let you know that {shortName} is my first choice, and I intend to rank it first on my rank order list.

        Sincerely,
        Mariana Quispe Flores, MD
        AAMC ID: 14872305

        """;
}
