//! The forms of a phrase a writer may use without the pack listing them: inflections of its first
//! word, the plural of its last word, and British and American spellings of every word.
//!
//! Expansion happens once, when the matcher is compiled; every form goes into the one automaton. An
//! over-generated form ("synergys") costs nothing but a state in the automaton: it only matches text
//! that contains it. What must never happen is a form that is a different, common word ("our" → "or"),
//! so the spelling rules carry exception lists.

use std::collections::BTreeSet;

/// Most forms one phrase may expand into; the rest are dropped (the phrase itself always stays).
const MAX_FORMS: usize = 96;

/// All forms of a normalised phrase (words separated by single spaces), the phrase itself first.
pub fn expand(phrase: &str) -> Vec<String> {
    let words: Vec<&str> = phrase.split(' ').collect();
    let mut forms: Vec<Vec<String>> = words.iter().map(|word| vec![(*word).to_owned()]).collect();
    let last = words.len() - 1;

    if let Some(first) = forms.first_mut() {
        let word = words[0];
        if inflectable(word) {
            extend_unique(first, verb_forms(word));
            extend_unique(first, [plural(word)]);
        }
    }
    if last > 0 && inflectable(words[last]) {
        extend_unique(&mut forms[last], [plural(words[last])]);
    }
    for word_forms in &mut forms {
        let spelled: Vec<String> = word_forms.iter().flat_map(|form| spellings(form)).collect();
        extend_unique(word_forms, spelled);
    }

    let mut results = vec![phrase.to_owned()];
    let mut seen: BTreeSet<String> = results.iter().cloned().collect();
    let mut combination = vec![0usize; forms.len()];
    'outer: loop {
        let candidate = combination
            .iter()
            .zip(&forms)
            .map(|(&i, word_forms)| word_forms[i].as_str())
            .collect::<Vec<_>>()
            .join(" ");
        if seen.insert(candidate.clone()) {
            results.push(candidate);
            if results.len() >= MAX_FORMS {
                break;
            }
        }
        // Next combination, odometer style.
        for (position, index) in combination.iter_mut().enumerate().rev() {
            *index += 1;
            if *index < forms[position].len() {
                continue 'outer;
            }
            *index = 0;
        }
        break;
    }
    results
}

fn extend_unique(forms: &mut Vec<String>, more: impl IntoIterator<Item = String>) {
    for form in more {
        if !form.is_empty() && !forms.contains(&form) {
            forms.push(form);
        }
    }
}

/// Function words and short words gain nothing from inflection and risk real words ("as" → "ass").
fn inflectable(word: &str) -> bool {
    if IRREGULAR_VERBS.iter().any(|(base, _)| *base == word) {
        return true;
    }
    word.len() >= 3
        && word.chars().all(|c| c.is_alphabetic() || c == '\'')
        && !word.contains('\'')
        && !FUNCTION_WORDS.contains(&word)
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "and", "for", "our", "your", "their", "its", "his", "her", "with", "from", "into", "onto", "than",
    "that", "this", "these", "those", "what", "when", "where", "which", "who", "whom", "whose", "why", "how",
    "not", "nor", "but", "yet", "all", "any", "each", "every", "more", "most", "less", "least", "very",
    "too", "now", "then", "there", "here", "about", "above", "after", "before", "over", "under", "out",
    "off", "per", "via", "one", "two", "three", "ever", "never", "always", "also", "just", "only", "are",
    "was", "were", "been", "being", "has", "had", "have", "does", "did", "can", "could", "will", "would",
    "shall", "should", "may", "might", "must", "you", "she", "they", "them", "him", "it's", "today's", "new",
    "next", "own", "same", "such", "both", "much", "many", "few", "other", "another", "less", "without",
    "within", "between", "through", "across", "against", "among", "upon", "like", "best", "better", "good",
    "great", "first", "last", "least", "ahead",
];

/// Irregular verbs that turn up in stock phrases: base, then its other forms.
const IRREGULAR_VERBS: &[(&str, &[&str])] = &[
    ("think", &["thinks", "thinking", "thought"]),
    ("take", &["takes", "taking", "took", "taken"]),
    ("make", &["makes", "making", "made"]),
    ("go", &["goes", "going", "went", "gone"]),
    ("bring", &["brings", "bringing", "brought"]),
    ("eat", &["eats", "eating", "ate", "eaten"]),
    ("drive", &["drives", "driving", "drove", "driven"]),
    ("buy", &["buys", "buying", "bought"]),
    ("build", &["builds", "building", "built"]),
    ("hit", &["hits", "hitting"]),
    ("put", &["puts", "putting"]),
    ("set", &["sets", "setting"]),
    ("cut", &["cuts", "cutting"]),
    ("run", &["runs", "running", "ran"]),
    ("win", &["wins", "winning", "won"]),
    ("get", &["gets", "getting", "got", "gotten"]),
    ("give", &["gives", "giving", "gave", "given"]),
    ("keep", &["keeps", "keeping", "kept"]),
    ("lead", &["leads", "leading", "led"]),
    ("leave", &["leaves", "leaving", "left"]),
    ("meet", &["meets", "meeting", "met"]),
    ("pay", &["pays", "paying", "paid"]),
    ("say", &["says", "saying", "said"]),
    ("sell", &["sells", "selling", "sold"]),
    ("send", &["sends", "sending", "sent"]),
    ("spend", &["spends", "spending", "spent"]),
    ("stand", &["stands", "standing", "stood"]),
    ("tell", &["tells", "telling", "told"]),
    ("begin", &["begins", "beginning", "began", "begun"]),
    ("break", &["breaks", "breaking", "broke", "broken"]),
    ("choose", &["chooses", "choosing", "chose", "chosen"]),
    ("come", &["comes", "coming", "came"]),
    ("do", &["does", "doing", "did", "done"]),
    ("fall", &["falls", "falling", "fell", "fallen"]),
    ("feel", &["feels", "feeling", "felt"]),
    ("find", &["finds", "finding", "found"]),
    ("grow", &["grows", "growing", "grew", "grown"]),
    ("hold", &["holds", "holding", "held"]),
    ("know", &["knows", "knowing", "knew", "known"]),
    ("lose", &["loses", "losing", "lost"]),
    ("rise", &["rises", "rising", "rose", "risen"]),
    ("see", &["sees", "seeing", "saw", "seen"]),
    ("shake", &["shakes", "shaking", "shook", "shaken"]),
    ("speak", &["speaks", "speaking", "spoke", "spoken"]),
    ("steal", &["steals", "stealing", "stole", "stolen"]),
    ("throw", &["throws", "throwing", "threw", "thrown"]),
    ("write", &["writes", "writing", "wrote", "written"]),
    ("wear", &["wears", "wearing", "wore", "worn"]),
    ("draw", &["draws", "drawing", "drew", "drawn"]),
    ("fly", &["flies", "flying", "flew", "flown"]),
    ("ride", &["rides", "riding", "rode", "ridden"]),
    ("rethink", &["rethinks", "rethinking", "rethought"]),
    ("understand", &["understands", "understanding", "understood"]),
    ("overcome", &["overcomes", "overcoming", "overcame"]),
    (
        "undertake",
        &["undertakes", "undertaking", "undertook", "undertaken"],
    ),
    ("stick", &["sticks", "sticking", "stuck"]),
    ("strike", &["strikes", "striking", "struck"]),
    ("dig", &["digs", "digging", "dug"]),
    ("sit", &["sits", "sitting", "sat"]),
    ("swim", &["swims", "swimming", "swam", "swum"]),
    ("blow", &["blows", "blowing", "blew", "blown"]),
    ("shine", &["shines", "shining", "shone"]),
    ("teach", &["teaches", "teaching", "taught"]),
    ("catch", &["catches", "catching", "caught"]),
    ("seek", &["seeks", "seeking", "sought"]),
    ("bite", &["bites", "biting", "bit", "bitten"]),
    ("hide", &["hides", "hiding", "hid", "hidden"]),
    ("light", &["lights", "lighting", "lit", "lighted"]),
];

/// Verbs, stress on the last syllable, that double their final consonant.
const DOUBLING_VERBS: &[&str] = &[
    "commit", "refer", "prefer", "occur", "admit", "control", "compel", "propel", "permit", "submit",
    "equip", "regret", "transfer", "outstrip", "upset", "forget", "befit",
];

/// The third-person, present participle and past forms of a verb.
fn verb_forms(word: &str) -> Vec<String> {
    if let Some((_, forms)) = IRREGULAR_VERBS.iter().find(|(base, _)| *base == word) {
        return forms.iter().map(|form| (*form).to_owned()).collect();
    }
    let bytes = word.as_bytes();
    let n = bytes.len();
    let last = bytes[n - 1];
    let before_last = bytes[n - 2];
    let is_vowel = |b: u8| b"aeiou".contains(&b);

    if last == b'e' && !matches!(before_last, b'e' | b'o' | b'y') {
        let stem = &word[..n - 1];
        return vec![format!("{word}s"), format!("{stem}ing"), format!("{word}d")];
    }
    if last == b'y' && !is_vowel(before_last) {
        let stem = &word[..n - 1];
        return vec![format!("{stem}ies"), format!("{word}ing"), format!("{stem}ied")];
    }
    let ends_in_sibilant = word.ends_with('s')
        || word.ends_with('x')
        || word.ends_with('z')
        || word.ends_with("ch")
        || word.ends_with("sh");
    let third_person = if ends_in_sibilant {
        format!("{word}es")
    } else {
        format!("{word}s")
    };
    // One-syllable consonant-vowel-consonant words double the consonant: drop → dropped. Both forms
    // are generated where English is unsure (level → levelled, leveled).
    let single_syllable_cvc = n >= 3
        && !is_vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && is_vowel(before_last)
        && !is_vowel(bytes[n - 3])
        && bytes[..n - 2].iter().filter(|&&b| is_vowel(b)).count() == 0;
    let ends_in_el = word.ends_with("el") || word.ends_with("al");
    let mut forms = vec![third_person, format!("{word}ing"), format!("{word}ed")];
    if single_syllable_cvc || DOUBLING_VERBS.contains(&word) || ends_in_el {
        let doubled = format!("{word}{}", last as char);
        forms.push(format!("{doubled}ing"));
        forms.push(format!("{doubled}ed"));
    }
    forms
}

const IRREGULAR_PLURALS: &[(&str, &str)] = &[
    ("person", "people"),
    ("child", "children"),
    ("man", "men"),
    ("woman", "women"),
    ("foot", "feet"),
    ("mouse", "mice"),
    ("life", "lives"),
    ("knife", "knives"),
    ("leaf", "leaves"),
    ("half", "halves"),
    ("analysis", "analyses"),
    ("criterion", "criteria"),
    ("phenomenon", "phenomena"),
];

fn plural(word: &str) -> String {
    if let Some((_, plural)) = IRREGULAR_PLURALS.iter().find(|(singular, _)| *singular == word) {
        return (*plural).to_owned();
    }
    let bytes = word.as_bytes();
    let n = bytes.len();
    if word.ends_with('y') && n >= 2 && !b"aeiou".contains(&bytes[n - 2]) {
        return format!("{}ies", &word[..n - 1]);
    }
    if word.ends_with('s')
        || word.ends_with('x')
        || word.ends_with('z')
        || word.ends_with("ch")
        || word.ends_with("sh")
    {
        return format!("{word}es");
    }
    format!("{word}s")
}

/// Stems spelled -our in British English and -or in American.
const OUR_STEMS: &[&str] = &[
    "colour",
    "behaviour",
    "favour",
    "honour",
    "labour",
    "humour",
    "neighbour",
    "flavour",
    "endeavour",
    "rumour",
    "saviour",
    "harbour",
    "vapour",
    "armour",
    "odour",
    "parlour",
    "valour",
    "vigour",
    "rigour",
    "clamour",
    "candour",
    "glamour",
    "savour",
    "splendour",
    "demeanour",
    "fervour",
    "ardour",
];

/// Stems spelled -re in British English and -er in American: centre/center, centred/centered.
const RE_STEMS: &[&str] = &[
    "cent", "theat", "met", "lit", "fib", "calib", "somb", "spect", "lust", "meag", "sab", "sceptr",
];

/// Whole-word pairs that no suffix rule covers.
const SPELLING_PAIRS: &[(&str, &str)] = &[
    ("licence", "license"),
    ("licences", "licenses"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("pretence", "pretense"),
    ("catalogue", "catalog"),
    ("catalogues", "catalogs"),
    ("dialogue", "dialog"),
    ("dialogues", "dialogs"),
    ("analogue", "analog"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("judgement", "judgment"),
    ("judgements", "judgments"),
    ("acknowledgement", "acknowledgment"),
    ("enrol", "enroll"),
    ("enrolment", "enrollment"),
    ("fulfil", "fulfill"),
    ("fulfilment", "fulfillment"),
    ("skilful", "skillful"),
    ("wilful", "willful"),
    ("instalment", "installment"),
    ("ageing", "aging"),
    ("grey", "gray"),
    ("manoeuvre", "maneuver"),
    ("sceptic", "skeptic"),
    ("sceptical", "skeptical"),
    ("sceptics", "skeptics"),
    ("towards", "toward"),
    ("whilst", "while"),
];

/// Words that end in -ise but are never -ize.
const ISE_ONLY: &[&str] = &[
    "advertise",
    "advise",
    "apprise",
    "arise",
    "chastise",
    "circumcise",
    "comprise",
    "compromise",
    "concise",
    "demise",
    "despise",
    "devise",
    "disguise",
    "enterprise",
    "excise",
    "exercise",
    "expertise",
    "franchise",
    "guise",
    "improvise",
    "incise",
    "likewise",
    "merchandise",
    "noise",
    "otherwise",
    "poise",
    "praise",
    "precise",
    "premise",
    "promise",
    "raise",
    "revise",
    "rise",
    "supervise",
    "surmise",
    "surprise",
    "televise",
    "treatise",
    "wise",
    "clockwise",
    "paradise",
    "concise",
    "cruise",
    "bruise",
];

/// The British and American spellings of one word, other than itself.
fn spellings(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (british, american) in SPELLING_PAIRS {
        if word == *british {
            out.push((*american).to_owned());
        } else if word == *american {
            out.push((*british).to_owned());
        }
    }
    for stem in OUR_STEMS {
        // Both spellings start with the stem less its last three letters ("col" for colour/color).
        if !word.starts_with(&stem[..stem.len() - 3]) {
            continue;
        }
        let american = stem.replace("our", "or");
        if let Some(rest) = word.strip_prefix(stem) {
            out.push(format!("{american}{rest}"));
        } else if let Some(rest) = word.strip_prefix(american.as_str()) {
            // "color" → "colour", but not "colorectal".
            if rest.is_empty()
                || [
                    "s", "ed", "ing", "ful", "less", "ite", "ites", "able", "ably", "ist",
                ]
                .contains(&rest)
            {
                out.push(format!("{stem}{rest}"));
            }
        }
    }
    for stem in RE_STEMS {
        if !word.starts_with(stem) {
            continue;
        }
        for (british, american) in [("re", "er"), ("res", "ers"), ("red", "ered"), ("ring", "ering")] {
            if word == format!("{stem}{british}") {
                out.push(format!("{stem}{american}"));
            } else if word == format!("{stem}{american}") {
                out.push(format!("{stem}{british}"));
            }
        }
    }
    // -ise/-ize and -isation/-ization, in both directions.
    for (british, american) in [
        ("isation", "ization"),
        ("isations", "izations"),
        ("ise", "ize"),
        ("ises", "izes"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("iser", "izer"),
        ("isers", "izers"),
        ("yse", "yze"),
        ("yses", "yzes"),
        ("ysed", "yzed"),
        ("ysing", "yzing"),
    ] {
        if word.len() <= british.len() + 2 {
            continue;
        }
        if let Some(stem) = word.strip_suffix(british) {
            let base = format!("{stem}{}", if british.starts_with('i') { "ise" } else { "yse" });
            if !ISE_ONLY.iter().any(|only| base.ends_with(only)) {
                out.push(format!("{stem}{american}"));
            }
        } else if let Some(stem) = word.strip_suffix(american) {
            out.push(format!("{stem}{british}"));
        }
    }
    // Doubled l before a suffix: travelled/traveled, cancelling/canceling, modeller/modeler.
    for (british, american) in [
        ("elled", "eled"),
        ("elling", "eling"),
        ("eller", "eler"),
        ("ellers", "elers"),
        ("alled", "aled"),
        ("alling", "aling"),
    ] {
        if let Some(stem) = word.strip_suffix(british) {
            if stem.len() >= 3 {
                out.push(format!("{stem}{american}"));
            }
        } else if let Some(stem) = word.strip_suffix(american)
            && stem.len() >= 3
        {
            out.push(format!("{stem}{british}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(phrase: &str, form: &str) -> bool {
        expand(phrase).iter().any(|candidate| candidate == form)
    }

    #[test]
    fn first_word_inflects_as_a_verb() {
        for form in [
            "thinks outside the box",
            "thinking outside the box",
            "thought outside the box",
        ] {
            assert!(has("think outside the box", form), "{form}");
        }
        assert!(has("delight the customer", "delighted the customers"));
        assert!(has("delight the customer", "delighting the customer"));
        assert!(has("leverage our data", "leveraging our data"));
        assert!(has("move the needle", "moved the needle"));
        assert!(has("drop the ball", "dropped the ball"));
        assert!(has("level the playing field", "levelling the playing field"));
        assert!(has("level the playing field", "leveling the playing field"));
        assert!(has("copy and paste", "copies and paste"));
        assert!(has("go the extra mile", "went the extra mile"));
        assert!(has("go the extra mile", "going the extra mile"));
    }

    #[test]
    fn last_word_takes_its_plural() {
        assert!(has("game changer", "game changers"));
        assert!(has("pain point", "pain points"));
        assert!(has("customer journey", "customer journeys"));
        assert!(has("silver bullet", "silver bullets"));
    }

    #[test]
    fn british_and_american_spellings_both_match() {
        assert!(has(
            "customer centric organisation",
            "customer centric organization"
        ));
        assert!(has("industrialise", "industrialize"));
        assert!(has("personalization", "personalisation"));
        assert!(has("centre of excellence", "center of excellence"));
        assert!(has("customer behaviour", "customer behavior"));
        assert!(has("color", "colour"));
        assert!(has("analyse the data", "analyze the data"));
    }

    #[test]
    fn function_words_and_exceptions_are_left_alone() {
        let forms = expand("our customers");
        assert!(!forms.iter().any(|f| f.starts_with("or ")), "{forms:?}");
        let forms = expand("your call is important to us");
        assert!(!forms.iter().any(|f| f.starts_with("yor ")), "{forms:?}");
        assert!(!has("exercise caution", "exercize caution"));
        assert!(!has("enterprise grade", "enterprize grade"));
        assert!(!has("four corners", "for corners"));
    }

    #[test]
    fn the_phrase_itself_comes_first_and_forms_are_unique() {
        let forms = expand("think outside the box");
        assert_eq!(forms[0], "think outside the box");
        let unique: BTreeSet<&String> = forms.iter().collect();
        assert_eq!(unique.len(), forms.len());
        assert!(forms.len() <= MAX_FORMS);
    }
}
