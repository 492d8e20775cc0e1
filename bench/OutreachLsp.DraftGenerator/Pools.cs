namespace OutreachLsp.DraftGenerator;

/// <summary>
/// Word lists and sentence pools for the generated drafts. Slots in braces are filled per draft:
/// {program} {inst} {short} {specialty} {topic} {topic2} {city} {school} {home} {month} {day}.
/// The compliant pools were written to read like real outreach emails and to trip no rule; the
/// violation pools each carry a phrasing the default pack is meant to catch.
/// </summary>
internal static class Pools
{
    public static readonly string[] PlacePrefixes =
    [
        "Pine", "Cedar", "Oak", "Maple", "Willow", "Stone", "River", "Lake", "Fair", "Green",
        "Silver", "Red", "North", "East", "West", "Bell", "Ash", "Elm", "Clear", "High",
        "Brook", "Kestrel", "Hazel", "Iron", "Cobalt", "Heron", "Juniper", "Laurel", "Marsh", "Sable",
    ];

    public static readonly string[] PlaceSuffixes =
    [
        "crest", "wood", "field", "haven", "ridge", "vale", "port", "ford", "mont", "view",
        "brook", "ton", "dale", "gate", "bury",
    ];

    public static readonly string[] InstitutionKinds =
    [
        "Medical Center", "University Hospital", "Regional Medical Center", "Community Hospital",
        "Health System", "Memorial Hospital",
    ];

    public static readonly (string Name, string Abbrev)[] Specialties =
    [
        ("Internal Medicine", "IM"), ("Internal Medicine", "IM"), ("Internal Medicine", "IM"),
        ("Family Medicine", "FM"), ("Pediatrics", "Peds"),
    ];

    public static readonly string[] Tracks =
    [
        "Global Health Pathway (categorical)", "Categorical", "Primary Care Track",
        "Rural Health Track", "Community Health Track",
    ];

    public static readonly string[] FirstNames =
    [
        "Ruth", "Samuel", "Dana", "Priya", "Marcus", "Elena", "Tomás", "Grace", "Kwame", "Hannah",
        "Daniel", "Aisha", "Peter", "Lucia", "Omar", "Helen", "Jonah", "Mei", "Victor", "Sara",
        "Nikhil", "Claire", "Andrés", "Fatima", "Robert", "Ingrid", "Yusuf", "Laura", "Kenji", "Amelia",
    ];

    public static readonly string[] LastNames =
    [
        "Okafor", "Hartigan", "Whitley", "Raman", "Delgado", "Novak", "Brennan", "Castillo", "Mensah",
        "Lindqvist", "Abernathy", "Nakamura", "Sorensen", "Adeyemi", "Kowalski", "Fairbanks", "Moreau",
        "Haddad", "Pritchard", "Iyer", "Vasquez", "Oduya", "Thornton", "Bianchi", "Kaplan", "Mwangi",
        "Ellison", "Reyes", "Holloway", "Chandra",
    ];

    public static readonly string[] Topics =
    [
        "the refugee health clinic", "the longitudinal continuity clinic", "the global health elective",
        "the resident-run free clinic", "the tuberculosis program", "the ambulatory block schedule",
        "the rural rotation", "the point-of-care ultrasound curriculum", "the quality improvement track",
        "the wellness program", "the mentorship structure", "the HIV primary care clinic",
        "the medical Spanish course", "the community health worker partnership", "the addiction medicine service",
        "the night float system", "the resident research day", "the teaching conference schedule",
        "the interpreter services team", "the partnership with the county health department",
    ];

    public static readonly string[] Cities =
    [
        "Lima", "Nairobi", "Lagos", "Karachi", "Cairo", "Manila", "Kathmandu", "Accra", "Bogotá", "Dhaka",
    ];

    public static readonly string[] Months = ["September", "October", "November", "December", "January", "February"];

    public static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    // ---- compliant pools -------------------------------------------------------------------------

    public static readonly string[] Openings =
    [
        "I hope this message finds you well.",
        "I hope you are doing well and that the interview season has been kind to your team.",
        "I hope your week is going well.",
        "Thank you for taking the time to read this message.",
        "I hope you and the residents are well.",
        "I am writing as an applicant to the {program} for the 2026 Match.",
        "My name is {applicant}, and I am a graduate of {school} who has applied to the {program}.",
        "I am an international medical graduate from {city}, and I applied to {short} through ERAS this fall.",
        "I recently applied to the {program} and wanted to introduce myself briefly.",
        "I am writing about my application to the {specialty} program at {inst}.",
    ];

    public static readonly string[] Experience =
    [
        "During my internship in {city} I spent four months in a district hospital where one internist covered sixty beds.",
        "I grew up in {home}, where my mother ran a small pharmacy for families who often travelled a full day to see a doctor.",
        "In my final year at {school} I led a small audit of readmissions for heart failure on our medical ward.",
        "For the past year I have worked as a research assistant on a hypertension cohort in a peri-urban community.",
        "My observership in a community hospital showed me how much continuity of care depends on a strong clinic team.",
        "I have spent many evenings teaching junior students how to present a patient clearly and briefly.",
        "I volunteered with a mobile clinic that visited three villages each month, mostly caring for diabetes and hypertension.",
        "I speak Spanish and French fluently, and I have used both at the bedside with patients and families.",
        "During the cholera outbreak in my region I helped set up an oral rehydration point at our health centre.",
        "I presented a poster on tuberculosis treatment outcomes at a regional conference last spring.",
        "Working night shifts in a busy emergency department taught me to stay calm and to ask for help early.",
        "I completed a clinical rotation in palliative care that changed how I talk with patients about their goals.",
        "Our team published a short case series on drug-resistant tuberculosis in a national journal.",
        "I coordinated a vaccination campaign for schoolchildren with the local health ministry.",
        "At my medical school I served as the student representative on the curriculum committee for two years.",
        "My clinical experience in the United States includes two observerships in internal medicine clinics.",
        "I have cared for many patients with advanced HIV and learned to work closely with social workers and pharmacists.",
        "In my rural year I followed a cohort of patients with chronic kidney disease and learned how hard follow-up can be.",
        "I enjoy quality improvement work and recently helped shorten the time to antibiotics for sepsis on our ward.",
        "Outside medicine I coach a youth football team, which has taught me a good deal about patience.",
        "Before medical school I worked as a community health volunteer, going door to door to screen for hypertension.",
        "I have taken part in weekly morning reports and enjoy working through a difficult diagnosis with a team.",
        "My research mentor encouraged me to look at how language barriers affect hospital discharge.",
        "I am comfortable with electronic health records after my observership and a course in clinical documentation.",
    ];

    public static readonly string[] ProgramInterest =
    [
        "I was especially drawn to {topic} and the way residents take part in it from the first year.",
        "Your program's emphasis on {topic} matches what I hope to do in my career.",
        "I read about {topic} on your website and would love to learn more about how residents are involved.",
        "The balance between inpatient medicine and {topic} is a large part of why I applied to {short}.",
        "I appreciate that {inst} serves a large immigrant population, which is close to the work I have done at home.",
        "Several current residents spoke warmly about {topic2}, and that stayed with me.",
        "I was glad to learn that residents at {short} have protected time for scholarly projects.",
        "The close teaching relationship between faculty and residents at {inst} is exactly the kind of training I am looking for.",
        "I would value the chance to learn from a program with such a strong commitment to underserved communities.",
        "The community you serve reminds me of the patients I cared for in {city}.",
        "I admire how your residents describe the program as collegial and supportive.",
        "The opportunity to work with {topic2} would let me build on my experience in community medicine.",
    ];

    /// <summary>Every visa question states the Step 3 status (as examples/01 does), so h1b-without-step3 stays quiet.</summary>
    public const string Step3Status = "I have passed Step 1 and Step 2 CK; I have not yet taken USMLE Step 3.";

    public static readonly string[] VisaCompliant =
    [
        "As a non-US citizen IMG, I would like to confirm whether your program is able to sponsor J-1 and/or H-1B visas.",
        "I understand that ECFMG sponsors the J-1 visa once a program offers a contract, and I would be grateful to know whether your program accepts J-1 physicians.",
        "I am ECFMG certified and would appreciate knowing whether international graduates have trained at {short} in recent years.",
        "If there are additional requirements for international applicants, I would be grateful to know them.",
        "Could you tell me whether the program has sponsored H-1B visas for residents in the past few years?",
    ];

    public static readonly string[] ThankYou =
    [
        "Thank you for the opportunity to interview with {short} on {day}.",
        "Thank you very much for meeting with me during my interview at {inst}.",
        "I greatly enjoyed our conversation about {topic} and the way residents follow their patients over time.",
        "Hearing the residents describe {topic2} made the program feel like a place where I could learn and contribute.",
        "I appreciated the time you took to answer my questions about the ambulatory schedule.",
        "The pre-interview social gave me a real sense of how much the residents support one another.",
        "Our discussion about caring for patients who speak limited English stayed with me on the way home.",
        "I left the interview day with a clear picture of how I could grow as a physician at {inst}.",
    ];

    public static readonly string[] UpdateNews =
    [
        "I wanted to share a brief update on my application since we last spoke.",
        "Since my interview, our abstract on heart failure readmissions was accepted for a poster at a national meeting.",
        "I recently completed a four-week observership in a community internal medicine clinic.",
        "I have received my score for Step 2 CK and have updated my ERAS application accordingly.",
        "I was recently invited to co-author a review article on tuberculosis screening in migrants.",
        "Last month I finished a course in point-of-care ultrasound and have been practising the cardiac views.",
        "I have continued volunteering at the free clinic on weekends, where I now help train new volunteers.",
        "My research mentor submitted our manuscript on hypertension control last week.",
    ];

    public static readonly string[] Interest =
    [
        "I remain very interested in the {program} and would be thrilled to train at {inst}.",
        "I intend to rank {short} very highly.",
        "{short} remains one of the programs I am most excited about.",
        "I would be proud to train at {inst} and to serve its patients.",
        "I continue to think of {short} as an excellent fit for my goals.",
    ];

    public static readonly string[] Closings =
    [
        "Thank you again for your time and consideration.",
        "Please let me know if there is any additional information I can provide.",
        "Thank you very much for your time and assistance.",
        "I look forward to hearing from you.",
        "Thank you for all the work your team puts into the interview season.",
        "I would be glad to share anything else that would help the committee.",
    ];

    public static readonly string[] SignOffs = ["Sincerely,", "Kind regards,", "Best regards,", "With gratitude,"];

    public static readonly string[] Subjects =
    [
        "Question regarding visa sponsorship – ERAS applicant",
        "Thank you for the interview",
        "Update on my application",
        "Letter of intent",
        "Following up on my application",
        "Introduction – applicant to your program",
    ];

    // ---- violation pools (each names the rule it is meant to fire) -----------------------------------

    /// <summary>rank-inquiry</summary>
    public static readonly string[] RankInquiry =
    [
        "Would you be able to share whether I am likely to be ranked in a matching position?",
        "Where am I on your rank list?",
        "I was wondering whether I will be ranked to match this year.",
        "What are my chances of matching at your program?",
    ];

    /// <summary>multiple-first-choice (in letters of intent to several programs)</summary>
    public static readonly string[] FirstChoice =
    [
        "{short} is my first choice, and I intend to rank it first.",
        "You are my first choice, and I am going to put your program in first position.",
        "I want you to know that {short} is my number one choice.",
    ];

    /// <summary>unfilled-placeholder</summary>
    public static readonly string[] Placeholder =
    [
        "I loved the [name of rotation] rotation and would like to learn more about it.",
        "I am excited about the opportunity to train at [Program Name].",
        "Please give my regards to Dr. {{last_name}} and the chief residents.",
    ];

    /// <summary>apologetic-visa-framing</summary>
    public static readonly string[] ApologeticVisa =
    [
        "I'm sorry that I require sponsorship.",
        "I realize sponsoring me would be an added hassle for your office.",
        "I hope my immigration status won't count against me.",
    ];

    /// <summary>stock-phrasing</summary>
    public static readonly string[] StockPhrase =
    [
        "Kindly intimate me about the interview dates.",
        "It would be an honour to train at your esteemed institution.",
        "I humbly request you to consider my application.",
        "Thanking you in anticipation.",
    ];

    /// <summary>desperate-tone</summary>
    public static readonly string[] Desperate =
    [
        "My whole future depends on this, and I will do whatever it takes.",
        "I have no other option left, so I am pleading with you to consider me.",
    ];

    /// <summary>binding-commitment / prematch-request-nrmp</summary>
    public static readonly string[] Commitment =
    [
        "I will absolutely come if you rank me.",
        "Is there any possibility of a pre-match position?",
        "Could one of your positions be set aside for me?",
    ];

    /// <summary>program-name-mismatch: another draft's institution named as the recipient.</summary>
    public static readonly string[] MailMerge =
    [
        "I can't wait to start at {other}.",
        "Training at {other} would be a dream for me.",
    ];
}
