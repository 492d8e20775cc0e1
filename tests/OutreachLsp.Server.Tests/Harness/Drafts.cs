namespace OutreachLsp.Server.Tests.Harness;

/// <summary>Draft texts that reliably raise (or do not raise) findings of the default pack.</summary>
public static class Drafts
{
    public const string RankQuestion = "Where am I on your rank list?";

    public static string Draft(string program, string body, string type = "update", string extraFrontMatter = "", string eol = "\n") =>
        string.Join(eol, [
            "---",
            "to: pd@example.org",
            "to_name: Dr. Ana Ruiz",
            $"program: {program}",
            "nrmp: true",
            "stage: post-interview",
            $"type: {type}",
            "match_year: 2026",
            .. (extraFrontMatter.Length > 0 ? extraFrontMatter.Split('\n') : []),
            "---",
            "Dear Dr. Ruiz,",
            "",
            .. body.Split('\n'),
            "",
            "Sincerely,",
            "Jane Applicant",
            "",
        ]);

    public static string Clean(string program = "Pinecrest Internal Medicine") =>
        Draft(program, $"Thank you for the conversation about the global health track at {program}. I remain very interested in training there.");
}
