//! Date extraction (src/date): a table of dated mentions in Arabic, French
//! and English (text + publication date → ISO date at its precision), the
//! seed article's dates, and properties on arbitrary text.

use chrono::NaiveDate;
use factlint::date::{DateMention, extract};
use factlint::document::{Document, Lang};
use factlint::rules::RuleSet;
use factlint::source::{Format, SourceFile};

fn rules() -> &'static RuleSet {
    static RULES: std::sync::OnceLock<RuleSet> = std::sync::OnceLock::new();
    RULES.get_or_init(|| RuleSet::embedded().expect("embedded rules load"))
}

fn published(p: &str) -> Option<NaiveDate> {
    (!p.is_empty()).then(|| NaiveDate::parse_from_str(p, "%Y-%m-%d").expect("test date"))
}

fn dates(lang: Lang, text: &str, p: &str) -> Vec<(String, DateMention)> {
    let src = SourceFile::from_text("t.txt", text.to_owned(), Format::Text);
    let doc = Document::parse(&src, Some(lang), rules().data());
    extract(&doc, published(p))
        .into_iter()
        .map(|m| (text[m.span.range()].to_owned(), m))
        .collect()
}

/// A mention as the table writes it: its ISO date, else `~` and its
/// relative description, else `--MM-DD` (a day and month without a year).
fn render(m: &DateMention) -> String {
    if let Some(iso) = m.iso() {
        return iso;
    }
    if let Some(r) = m.relative.as_ref().filter(|r| *r != "no year") {
        return format!("~{r}");
    }
    format!("--{:02}-{:02}", m.month.unwrap_or(0), m.day.unwrap_or(0))
}

const P: &str = "2025-02-11";

/// (language, text, publication date or "", expected mentions).
const CASES: &[(Lang, &str, &str, &[&str])] = &[
    // Arabic full dates, every month set.
    (
        Lang::Ar,
        "في 10 فبراير 2025 أعلنت الشركة",
        "",
        &["2025-02-10"],
    ),
    (Lang::Ar, "يوم 10 شباط 2025", "", &["2025-02-10"]),
    (Lang::Ar, "في 10 فيفري 2025", "", &["2025-02-10"]),
    (Lang::Ar, "في 10 فبراير/شباط 2025", "", &["2025-02-10"]),
    (Lang::Ar, "في 10 شباط (فبراير) 2025", "", &["2025-02-10"]),
    (Lang::Ar, "في 3 كانون الثاني 2024", "", &["2024-01-03"]),
    (Lang::Ar, "في 25 كانون الأول 2023", "", &["2023-12-25"]),
    (Lang::Ar, "في 5 تشرين الأول 2022", "", &["2022-10-05"]),
    (Lang::Ar, "في 7 تشرين الثاني 2021", "", &["2021-11-07"]),
    (Lang::Ar, "في 1 آذار 2020", "", &["2020-03-01"]),
    (Lang::Ar, "في 14 نيسان 2019", "", &["2019-04-14"]),
    (Lang::Ar, "في 9 أيار 2018", "", &["2018-05-09"]),
    (Lang::Ar, "في 30 حزيران 2017", "", &["2017-06-30"]),
    (Lang::Ar, "في 4 تموز 2016", "", &["2016-07-04"]),
    (Lang::Ar, "في 15 آب 2015", "", &["2015-08-15"]),
    (Lang::Ar, "في 11 أيلول 2001", "", &["2001-09-11"]),
    (Lang::Ar, "في 2 جانفي 2024", "", &["2024-01-02"]),
    (Lang::Ar, "في 8 أفريل 2023", "", &["2023-04-08"]),
    (Lang::Ar, "في 20 جوان 2023", "", &["2023-06-20"]),
    (Lang::Ar, "في 5 جويلية 1962", "", &["1962-07-05"]),
    (Lang::Ar, "في 1 أوت 2022", "", &["2022-08-01"]),
    (Lang::Ar, "في 30 يوليوز 2024", "", &["2024-07-30"]),
    (Lang::Ar, "في 20 غشت 2024", "", &["2024-08-20"]),
    (Lang::Ar, "في 18 نونبر 2024", "", &["2024-11-18"]),
    (Lang::Ar, "في 31 دجنبر 2024", "", &["2024-12-31"]),
    (Lang::Ar, "في 6 ابريل 2020", "", &["2020-04-06"]),
    (Lang::Ar, "في 6 أغسطس 2020", "", &["2020-08-06"]),
    (Lang::Ar, "في ١٠ فبراير ٢٠٢٥", "", &["2025-02-10"]),
    (Lang::Ar, "الثلاثاء 10 فبراير 2025", "", &["2025-02-10"]),
    (Lang::Ar, "الاثنين، 10 فبراير 2025", "", &["2025-02-10"]),
    (Lang::Ar, "وفي 10 فبراير 2025 قال", "", &["2025-02-10"]),
    (Lang::Ar, "في 10 فبراير الجاري", "", &["--02-10"]),
    // Arabic month + year, years.
    (Lang::Ar, "في فبراير 2025", "", &["2025-02"]),
    (Lang::Ar, "منذ كانون الثاني 2020", "", &["2020-01"]),
    (Lang::Ar, "وفي ديسمبر 2024", "", &["2024-12"]),
    (Lang::Ar, "في عام 2019", "", &["2019"]),
    (Lang::Ar, "عام 2019", "", &["2019"]),
    (Lang::Ar, "لعام 2015", "", &["2015"]),
    (Lang::Ar, "بعام 2015", "", &["2015"]),
    (Lang::Ar, "منذ 2015", "", &["2015"]),
    (Lang::Ar, "في سنة ٢٠١٩", "", &["2019"]),
    (Lang::Ar, "في 2025م", "", &["2025"]),
    (Lang::Ar, "بين 2019-2021", "", &["2019", "2021"]),
    (Lang::Ar, "العام 2020", "", &["2020"]),
    // Arabic numeric dates.
    (Lang::Ar, "بتاريخ 11/02/2025", "", &["2025-02-11"]),
    (Lang::Ar, "بتاريخ ١١/٠٢/٢٠٢٥", "", &["2025-02-11"]),
    (Lang::Ar, "بتاريخ 2025-02-11", "", &["2025-02-11"]),
    (
        Lang::Ar,
        "بتاريخ 10\u{200F}/2\u{200F}/2025",
        "",
        &["2025-02-10"],
    ),
    // Arabic relative dates.
    (Lang::Ar, "عرفنا منذ أمس", P, &["2025-02-10"]),
    (Lang::Ar, "أمس", P, &["2025-02-10"]),
    (Lang::Ar, "أول أمس", P, &["2025-02-09"]),
    (Lang::Ar, "أول من أمس", P, &["2025-02-09"]),
    (Lang::Ar, "اليوم", P, &[]),
    (Lang::Ar, "اليوم، يجب على الشركة", P, &[]),
    (Lang::Ar, "اليوم الثلاثاء", P, &["2025-02-11"]),
    (Lang::Ar, "صباح اليوم", P, &["2025-02-11"]),
    (Lang::Ar, "غدًا", P, &["2025-02-12"]),
    (Lang::Ar, "بعد غد", P, &["2025-02-13"]),
    (Lang::Ar, "الشهر الماضي", P, &["2025-01"]),
    (Lang::Ar, "العام الماضي", P, &["2024"]),
    (Lang::Ar, "السنة الماضية", P, &["2024"]),
    (Lang::Ar, "العام المقبل", P, &["2026"]),
    (Lang::Ar, "الأسبوع الماضي", P, &["2025-W06"]),
    (Lang::Ar, "في ديسمبر الماضي", P, &["2024-12"]),
    (Lang::Ar, "وديسمبر الماضي", P, &["2024-12"]),
    (Lang::Ar, "في كانون الأول الماضي", P, &["2024-12"]),
    (Lang::Ar, "في يناير الماضي", P, &["2025-01"]),
    (Lang::Ar, "في مارس المقبل", P, &["2025-03"]),
    (Lang::Ar, "الثلاثاء الماضي", P, &["2025-02-04"]),
    (Lang::Ar, "الخميس المقبل", P, &["2025-02-13"]),
    (Lang::Ar, "منذ أمس", "", &["~day-1"]),
    (Lang::Ar, "ديسمبر الماضي", "", &["~month=12 last"]),
    // Arabic non-dates.
    (Lang::Ar, "يعمل فيها 2019 موظفا", "", &[]),
    (Lang::Ar, "قيمتها 100 مليار دولار", "", &[]),
    (Lang::Ar, "مارس الضغط على الحكومة", "", &[]),
    (Lang::Ar, "اشترى 15 سيارة", "", &[]),
    // French.
    (Lang::Fr, "le 10 février 2025", "", &["2025-02-10"]),
    (Lang::Fr, "le 1er mars 2024", "", &["2024-03-01"]),
    (Lang::Fr, "lundi 10 février 2025", "", &["2025-02-10"]),
    (Lang::Fr, "le 5 janv. 2024", "", &["2024-01-05"]),
    (Lang::Fr, "le 14 juillet", "", &["--07-14"]),
    (Lang::Fr, "en février 2025", "", &["2025-02"]),
    (Lang::Fr, "en 2019", "", &["2019"]),
    (Lang::Fr, "depuis 2015", "", &["2015"]),
    (Lang::Fr, "entre 2019-2021", "", &["2019", "2021"]),
    (Lang::Fr, "le 11/02/2025", "", &["2025-02-11"]),
    (Lang::Fr, "le 02/11/2025", "", &["2025-11-02"]),
    (Lang::Fr, "le 2025-02-11", "", &["2025-02-11"]),
    (Lang::Fr, "hier", P, &["2025-02-10"]),
    (Lang::Fr, "avant-hier", P, &["2025-02-09"]),
    (Lang::Fr, "demain", P, &["2025-02-12"]),
    (Lang::Fr, "l'an dernier", P, &["2024"]),
    (Lang::Fr, "l'année prochaine", P, &["2026"]),
    (Lang::Fr, "le mois dernier", P, &["2025-01"]),
    (Lang::Fr, "la semaine dernière", P, &["2025-W06"]),
    (Lang::Fr, "en décembre dernier", P, &["2024-12"]),
    (Lang::Fr, "mardi dernier", P, &["2025-02-04"]),
    (Lang::Fr, "hier", "", &["~day-1"]),
    (Lang::Fr, "il a 2019 employés", "", &[]),
    (Lang::Fr, "l'iPhone 15", "", &[]),
    (Lang::Fr, "100 milliards de dollars", "", &[]),
    // English.
    (Lang::En, "on February 10, 2025", "", &["2025-02-10"]),
    (Lang::En, "on 10 February 2025", "", &["2025-02-10"]),
    (
        Lang::En,
        "on Monday, February 10, 2025",
        "",
        &["2025-02-10"],
    ),
    (Lang::En, "on March 1st, 2024", "", &["2024-03-01"]),
    (Lang::En, "on the 1st of March 2024", "", &["2024-03-01"]),
    (Lang::En, "on Feb. 10, 2025", "", &["2025-02-10"]),
    (Lang::En, "in Sept. 2001", "", &["2001-09"]),
    (Lang::En, "in February 2025", "", &["2025-02"]),
    (Lang::En, "in 2019", "", &["2019"]),
    (Lang::En, "since 2015", "", &["2015"]),
    (Lang::En, "from 2019-2021", "", &["2019", "2021"]),
    (Lang::En, "on 2/10/2025", "", &["2025-02-10"]),
    (Lang::En, "on 25/12/2024", "", &["2024-12-25"]),
    (Lang::En, "on 2025-02-11", "", &["2025-02-11"]),
    (Lang::En, "yesterday", P, &["2025-02-10"]),
    (Lang::En, "today", P, &[]),
    (Lang::En, "today, Tuesday", P, &["2025-02-11"]),
    (Lang::En, "this morning", P, &["2025-02-11"]),
    (Lang::En, "last night", P, &["2025-02-10"]),
    (Lang::En, "tomorrow", P, &["2025-02-12"]),
    (Lang::En, "last week", P, &["2025-W06"]),
    (Lang::En, "last month", P, &["2025-01"]),
    (Lang::En, "last year", P, &["2024"]),
    (Lang::En, "next year", P, &["2026"]),
    (Lang::En, "last December", P, &["2024-12"]),
    (Lang::En, "next March", P, &["2025-03"]),
    (Lang::En, "last Tuesday", P, &["2025-02-04"]),
    (Lang::En, "yesterday", "", &["~day-1"]),
    (Lang::En, "last December", "", &["~month=12 last"]),
    (Lang::En, "the new iPhone 15", "", &[]),
    (Lang::En, "it has 2019 employees", "", &[]),
    (Lang::En, "$100 billion", "", &[]),
    (Lang::En, "you may want it", "", &[]),
    // More cases.
    (Lang::Ar, "في 1 يناير 2000", "", &["2000-01-01"]),
    (Lang::Ar, "في 29 فبراير 2024", "", &["2024-02-29"]),
    (Lang::Ar, "في 15 مارس 2011", "", &["2011-03-15"]),
    (Lang::Ar, "في 6 مايو 2023", "", &["2023-05-06"]),
    (Lang::Ar, "في 12 يونيو 2022", "", &["2022-06-12"]),
    (Lang::Ar, "في 23 يوليو 1952", "", &["1952-07-23"]),
    (Lang::Ar, "في 11 سبتمبر 2001", "", &["2001-09-11"]),
    (Lang::Ar, "في 6 أكتوبر 1973", "", &["1973-10-06"]),
    (Lang::Ar, "في 9 نوفمبر 1989", "", &["1989-11-09"]),
    (Lang::Ar, "في 17 ديسمبر 2010", "", &["2010-12-17"]),
    (Lang::Ar, "في 13 ماي 2024", "", &["2024-05-13"]),
    (Lang::Ar, "في 14 فيفري 2025", "", &["2025-02-14"]),
    (Lang::Ar, "في ٣ مارس ٢٠٢٤", "", &["2024-03-03"]),
    (Lang::Ar, "في يناير/كانون الثاني 2024", "", &["2024-01"]),
    (Lang::Ar, "في تشرين الأول 2023", "", &["2023-10"]),
    (Lang::Ar, "بحلول عام 2030", "", &["2030"]),
    (Lang::Ar, "خلال 2024", "", &["2024"]),
    (Lang::Ar, "في مطلع 2024", "", &["2024"]),
    (Lang::Ar, "وفي عام 2018 غادر", "", &["2018"]),
    (Lang::Ar, "الخميس 13 فبراير 2025", "", &["2025-02-13"]),
    (Lang::Ar, "البارحة", P, &["2025-02-10"]),
    (Lang::Ar, "هذا العام", P, &["2025"]),
    (Lang::Ar, "الشهر المقبل", P, &["2025-03"]),
    (Lang::Ar, "الأسبوع المقبل", P, &["2025-W08"]),
    (Lang::Ar, "في فبراير الماضي", P, &["2024-02"]),
    (Lang::Ar, "الجمعة الماضي", P, &["2025-02-07"]),
    (Lang::Ar, "العام الماضي", "", &["~year-1"]),
    (Lang::Ar, "رقم 2019 في القائمة", "", &[]),
    (Lang::Ar, "الساعة 10:30", "", &[]),
    (Lang::Fr, "le 31 décembre 2024", "", &["2024-12-31"]),
    (Lang::Fr, "le 15 août 2023", "", &["2023-08-15"]),
    (Lang::Fr, "le 3 sept. 2020", "", &["2020-09-03"]),
    (Lang::Fr, "jeudi 13 février 2025", "", &["2025-02-13"]),
    (Lang::Fr, "en juillet 2024", "", &["2024-07"]),
    (Lang::Fr, "début 2024", "", &["2024"]),
    (Lang::Fr, "fin 2023", "", &["2023"]),
    (Lang::Fr, "le 11.02.2025", "", &["2025-02-11"]),
    (Lang::Fr, "cette année", P, &["2025"]),
    (Lang::Fr, "le mois prochain", P, &["2025-03"]),
    (Lang::Fr, "en janvier dernier", P, &["2025-01"]),
    (Lang::Fr, "en mars prochain", P, &["2025-03"]),
    (Lang::Fr, "vendredi dernier", P, &["2025-02-07"]),
    (Lang::Fr, "l'an dernier", "", &["~year-1"]),
    (Lang::Fr, "à 10h30", "", &[]),
    (Lang::En, "on December 31, 2024", "", &["2024-12-31"]),
    (Lang::En, "on 4th July 1776", "", &["1776-07-04"]),
    (Lang::En, "on July 4", "", &["--07-04"]),
    (Lang::En, "in January 2024", "", &["2024-01"]),
    (Lang::En, "in early 2024", "", &["2024"]),
    (Lang::En, "by 2030", "", &["2030"]),
    (Lang::En, "on 12/25/2024", "", &["2024-12-25"]),
    (Lang::En, "this year", P, &["2025"]),
    (Lang::En, "next month", P, &["2025-03"]),
    (Lang::En, "next week", P, &["2025-W08"]),
    (Lang::En, "last February", P, &["2024-02"]),
    (Lang::En, "next Friday", P, &["2025-02-14"]),
    (Lang::En, "the day before yesterday", P, &["2025-02-09"]),
    (Lang::En, "last week", "", &["~week-1"]),
    (Lang::En, "Windows 11 and Android 14", "", &[]),
    (Lang::En, "at 10:30", "", &[]),
    (Lang::En, "1,2019 units", "", &[]),
    // Days and months without a year take the year nearest to publication.
    (Lang::Ar, "في 10 فبراير الجاري", P, &["2025-02-10"]),
    (Lang::Fr, "le 28 décembre", P, &["2024-12-28"]),
    (Lang::En, "on July 4", P, &["2025-07-04"]),
    (Lang::En, "on February 29", P, &["2024-02-29"]),
    // Weekdays alone: the last one on or before publication (a Tuesday),
    // the next one in a clause about the future.
    (Lang::En, "the minister said on Friday", P, &["2025-02-07"]),
    (Lang::En, "the minister said Tuesday", P, &["2025-02-11"]),
    (
        Lang::En,
        "the board will meet on Thursday",
        P,
        &["2025-02-13"],
    ),
    (Lang::En, "Black Friday sales", P, &[]),
    (Lang::En, "on Friday", "", &["~weekday=5 this"]),
    (
        Lang::Fr,
        "a annoncé mercredi le ministre",
        P,
        &["2025-02-05"],
    ),
    (
        Lang::Fr,
        "le conseil doit se réunir jeudi",
        P,
        &["2025-02-13"],
    ),
    (Lang::Ar, "أعلنت الوزارة يوم الأحد أن", P, &["2025-02-09"]),
    (Lang::Ar, "أعلنت الوزارة، الأربعاء، أن", P, &["2025-02-05"]),
    (Lang::Ar, "قال الأحد من المسؤولين", P, &[]),
    (Lang::Ar, "صلاة الجمعة", P, &[]),
    // `N days ago`.
    (Lang::En, "three days ago", P, &["2025-02-08"]),
    (Lang::En, "two weeks ago", P, &["2025-W05"]),
    (Lang::En, "5 years ago", P, &["2020"]),
    (Lang::En, "a year ago", P, &["2024"]),
    (Lang::Fr, "il y a trois jours", P, &["2025-02-08"]),
    (Lang::Fr, "il y a deux ans", P, &["2023"]),
    (Lang::Fr, "il y a 6 mois", P, &["2024-08"]),
    (Lang::Ar, "قبل ثلاثة أيام", P, &["2025-02-08"]),
    (Lang::Ar, "منذ يومين", P, &["2025-02-09"]),
    (Lang::Ar, "قبل عامين", P, &["2023"]),
    (Lang::Ar, "قبل 5 سنوات", P, &["2020"]),
    (Lang::Ar, "قبل ثلاثة أيام من الانتخابات", P, &[]),
    (Lang::Ar, "قبل عام 2019", "", &["2019"]),
    (Lang::En, "three days ago", "", &["~day-3"]),
    // Hijri dates: their Umm al-Qura equivalent.
    (Lang::Ar, "في 10 شعبان 1446 هـ", "", &["2025-02-09"]),
    (Lang::Ar, "في 1 رمضان 1446هـ", "", &["2025-03-01"]),
    (Lang::Ar, "في ١ محرم ١٤٤٦ هـ", "", &["2024-07-07"]),
    (Lang::Ar, "في 10 ذو الحجة 1445 هـ", "", &["2024-06-16"]),
    (Lang::Ar, "في شهر رمضان", "", &[]),
    // Impossible dates are extracted (date/impossible reports them) but
    // have no ISO date.
    (Lang::En, "on April 31, 2025", "", &["--04-31"]),
    (Lang::Fr, "le 29 février 2023", "", &["--02-29"]),
    (Lang::Fr, "le 13/13/2025", "", &["--13-13"]),
    (Lang::Ar, "بتاريخ 2025-13-01", "", &["--13-01"]),
    // Hijri dates in French and English.
    (Lang::En, "on 10 Shaban 1446 AH", "", &["2025-02-09"]),
    (Lang::En, "on Ramadan 1, 1446 AH", "", &["2025-03-01"]),
    (
        Lang::Fr,
        "le 1er ramadan 1446 de l'hégire",
        "",
        &["2025-03-01"],
    ),
    (Lang::En, "during Ramadan", "", &[]),
    // A month name at the end of a sentence keeps its period out.
    (
        Lang::Fr,
        "du 3 au 14 décembre.",
        P,
        &["2024-12-03", "2024-12-14"],
    ),
    // Ranges keep both ends.
    (
        Lang::Fr,
        "les 27 et 28 juin 2024",
        "",
        &["2024-06-27", "2024-06-28"],
    ),
    (
        Lang::En,
        "from 2nd to 4th April 2021",
        "",
        &["2021-04-02", "2021-04-04"],
    ),
    (Lang::En, "from 2001 to 2006", "", &["2001", "2006"]),
    (Lang::Fr, "entre 2019 et 2021", "", &["2019", "2021"]),
    (Lang::Ar, "بين 2019 و2021", "", &["2019", "2021"]),
    (
        Lang::Ar,
        "يومي 27 و28 يونيو 2024",
        "",
        &["2024-06-27", "2024-06-28"],
    ),
    (
        Lang::En,
        "rose from 2019 to 2021 employees",
        "",
        &["2019", "2021"],
    ),
    // Numeric Hijri dates, spaced slashes, the weekday attached.
    (Lang::Ar, "يوم الثلاثاء 1/8/1444هـ", "", &["2023-02-21"]),
    (
        Lang::Ar,
        "يوم الثلاثاء 1 / 8 / 1444هـ الموافق 21 / 2 / 2023م",
        "",
        &["2023-02-21", "2023-02-21"],
    ),
    // Weekdays.
    (
        Lang::En,
        "on Monday, Nov. 23",
        "2020-11-25",
        &["2020-11-23"],
    ),
    (Lang::En, "every Saturday", P, &[]),
    // Recurring days are no date, the second of two joined either.
    (
        Lang::En,
        "the market opens every Monday and Tuesday",
        P,
        &[],
    ),
    (Lang::En, "each Saturday to Sunday", P, &[]),
    (Lang::Fr, "le marché ouvre chaque lundi et mardi", P, &[]),
    (Lang::Fr, "lundi et mardi", P, &["2025-02-10", "2025-02-11"]),
    (Lang::Ar, "تلتئم الأربعاء في الرياض", P, &["2025-02-05"]),
    (Lang::Ar, "منذ يوم الأحد الماضي", P, &["2025-02-09"]),
    (Lang::Ar, "غد الاثنين", "2025-02-09", &["2025-02-10"]),
    (Lang::En, "talks will begin on Tuesday", P, &["2025-02-11"]),
    (Lang::En, "this coming Saturday", P, &["2025-02-15"]),
    // Two weekdays joined: the second after the first.
    (
        Lang::Fr,
        "un sommet très difficile, jeudi et vendredi.",
        "2023-12-07",
        &["2023-12-07", "2023-12-08"],
    ),
    (
        Lang::En,
        "the talks ran from Monday to Wednesday",
        P,
        &["2025-02-10", "2025-02-12"],
    ),
    (
        Lang::Ar,
        "اجتمعوا يومي الخميس والجمعة",
        "2025-02-08",
        &["2025-02-06", "2025-02-07"],
    ),
];

#[test]
fn table() {
    let mut failures = Vec::new();
    for (lang, text, p, want) in CASES {
        let got: Vec<String> = dates(*lang, text, p)
            .iter()
            .map(|(_, m)| render(m))
            .collect();
        if got != *want {
            failures.push(format!("{text:?} ({p}): got {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        CASES.len() >= 150,
        "the issue asks for a table of at least 150 cases"
    );
}

#[test]
fn spans_cover_the_expression() {
    let text = "أعلنت الشركة الثلاثاء 10 فبراير 2025 ثم في عام 2019 وفي ديسمبر الماضي";
    let got: Vec<String> = dates(Lang::Ar, text, P)
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    assert_eq!(got, ["الثلاثاء 10 فبراير 2025", "2019", "ديسمبر الماضي"]);
    let m = &dates(Lang::Ar, "الثلاثاء 10 فبراير 2025", "")[0].1;
    assert_eq!(m.weekday, Some(chrono::Weekday::Tue));
}

#[test]
fn seed_dates() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_1da055f338dfc321.txt"
    ))
    .expect("seed");
    let got = dates(Lang::Ar, &text, P);
    let find = |s: &str| {
        got.iter()
            .find(|(t, _)| t == s)
            .map_or_else(|| panic!("no mention {s:?} in {got:?}"), |(_, m)| render(m))
    };
    assert_eq!(find("أمس"), "2025-02-10");
    assert_eq!(find("ديسمبر الماضي"), "2024-12");
    assert_eq!(find("2019"), "2019");
    assert_eq!(find("2015"), "2015");
    for (t, m) in &got {
        assert!(m.span.is_on_char_boundaries(&text), "{t}");
    }
}

/// The whole linter on the seed, published on 11 February 2025: the
/// timeline is 2015, 2019, December 2024 and 10 February 2025, and the
/// seed's dates are consistent, so no date or fact-date rule fires.
#[test]
fn seed_timeline_and_no_date_finding() {
    use factlint::lint::{FileReport, Linter};
    let mut linter = Linter::new(RuleSet::embedded().expect("rules"), None);
    linter.published = published(P);
    let report = linter.check_path(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_1da055f338dfc321.txt"
    )));
    let FileReport::Checked {
        findings, dates, ..
    } = report
    else {
        panic!("the seed is checked");
    };
    let timeline: Vec<String> = factlint::date::timeline(&dates)
        .iter()
        .filter_map(|d| d.iso())
        .collect();
    assert_eq!(timeline, ["2015", "2019", "2024-12", "2025-02-10"]);
    let dated: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule().starts_with("date/") || f.rule().as_str() == "fact/date")
        .map(|f| f.rule().as_str())
        .collect();
    assert!(dated.is_empty(), "date findings on the seed: {dated:?}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    #[test]
    fn extraction_never_panics_and_spans_are_on_char_boundaries(
        text in "[0-9٠-٩./:,،() \u{00A0}\u{200F}a-zA-Zéèûأمسلعاميرفبشطكنونالثيديسمبرجقوت\u{064E}\n'’-]{0,60}",
        lang in proptest::sample::select(vec![Lang::Ar, Lang::Fr, Lang::En]),
        with_date in proptest::bool::ANY,
    ) {
        let src = SourceFile::from_text("t.txt", text.clone(), Format::Text);
        let doc = Document::parse(&src, Some(lang), rules().data());
        let p = with_date.then(|| NaiveDate::from_ymd_opt(2025, 2, 11).unwrap());
        for m in extract(&doc, p) {
            proptest::prop_assert!(m.span.is_on_char_boundaries(&text), "{m:?}");
            proptest::prop_assert!(!m.span.is_empty());
            proptest::prop_assert!(m.view.end <= doc.blocks[m.block].text.len());
            let _ = m.iso();
        }
    }
}

/// Pieces of news text with dates, spans of time and figures in the three
/// languages, and text around them.
const PIECES: &[&str] = &[
    "الثلاثاء 10 فبراير 2025",
    "في ديسمبر الماضي",
    "منذ عامين",
    "بعد ثلاثة أشهر",
    "97.4 مليار دولار",
    "٩٫٧٤ مليار",
    "10 شعبان 1446 هـ الموافق 9 فبراير 2025",
    "on 12 March 2024",
    "last week",
    "ten years later",
    "$97.4 billion",
    "about 1,200 people",
    "le 3 janvier 2023",
    "il y a trois mois",
    "97,4 milliards d'euros",
    "2019",
    "، ",
    ". ",
    " ",
    "\n\n",
    "\n",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    /// The dates and spans of time found in the figures' shared pass (the
    /// amounts asked for first: one normalization of each block for both)
    /// are those the date extractor finds alone, and so are the figures.
    #[test]
    fn the_shared_figures_pass_finds_what_each_extractor_finds_alone(
        picks in proptest::collection::vec(0usize..PIECES.len(), 0..24),
        lang in proptest::sample::select(vec![Lang::Ar, Lang::Fr, Lang::En]),
        with_date in proptest::bool::ANY,
    ) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        let src = SourceFile::from_text("t.txt", text, Format::Text);
        let p = with_date.then(|| NaiveDate::from_ymd_opt(2025, 2, 11).expect("date"));
        let shared = Document::parse(&src, Some(lang), rules().data()).with_published(p);
        let alone = Document::parse(&src, Some(lang), rules().data()).with_published(p);
        // Amounts first: the shared pass. Dates first: each on its own.
        let amounts = shared.amounts().to_vec();
        proptest::prop_assert_eq!(shared.dates(), alone.dates());
        proptest::prop_assert_eq!(shared.durations(), alone.durations());
        proptest::prop_assert_eq!(amounts, alone.amounts().to_vec());
    }
}
