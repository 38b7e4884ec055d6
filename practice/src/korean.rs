//! Korean particles chosen by the word they follow, as a Korean writer chooses them: `이`/`가`,
//! `을`/`를`, and `으로`/`로` (which `ㄹ` takes as `로`). No "이(가)".

/// A pair of particles: after a final consonant, and after a vowel.
#[derive(Debug, Clone, Copy)]
pub enum Josa {
    /// 이 / 가
    IGa,
    /// 을 / 를
    EulReul,
    /// 으로 / 로 (로 after ㄹ too)
    EuroRo,
}

/// The final consonant of the sound `word` ends with, as a Korean reader says it: `None` for a
/// vowel, `Some(8)` for ㄹ, `Some(_)` for another. Quotes and brackets at the end are passed
/// over; digits are read as Korean numbers (일, 이, 삼...); a Latin word ending in l, m, n or
/// ng, ck is taken to end in a consonant (`join`, `lock`), else in a vowel (`Mutex`, `queue`).
fn final_consonant(word: &str) -> Option<u32> {
    let last = word.trim_end_matches(|c: char| "'\"`’”)]}>.:!?".contains(c) || c.is_whitespace());
    let c = last.chars().last()?;
    match c {
        '가'..='힣' => match (c as u32 - 0xAC00) % 28 {
            0 => None,
            jong => Some(jong),
        },
        // 영 일 이 삼 사 오 육 칠 팔 구
        '0' | '3' | '6' => Some(1),
        '1' | '7' | '8' => Some(8),
        '2' | '4' | '5' | '9' => None,
        _ => {
            let lower = last.to_lowercase();
            if lower.ends_with('l') {
                Some(8)
            } else if ["m", "n", "ng", "ck", "k", "p", "t"]
                .iter()
                .any(|end| lower.ends_with(end))
            {
                Some(1)
            } else {
                None
            }
        }
    }
}

/// `word` followed by the right particle of `josa`.
///
/// ```ignore
/// assert_eq!(with("스레드", Josa::IGa), "스레드가");
/// ```
pub fn with(word: &str, josa: Josa) -> String {
    let after_consonant = final_consonant(word);
    let particle = match (josa, after_consonant) {
        (Josa::IGa, Some(_)) => "이",
        (Josa::IGa, None) => "가",
        (Josa::EulReul, Some(_)) => "을",
        (Josa::EulReul, None) => "를",
        (Josa::EuroRo, Some(8) | None) => "로",
        (Josa::EuroRo, Some(_)) => "으로",
    };
    format!("{word}{particle}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_follow_the_last_sound() {
        assert_eq!(with("스레드", Josa::IGa), "스레드가");
        assert_eq!(with("프로세스 pid 42", Josa::IGa), "프로세스 pid 42가");
        assert_eq!(with("'main thread end'", Josa::IGa), "'main thread end'가");
        assert_eq!(with("'total: 400000'", Josa::EulReul), "'total: 400000'을");
        assert_eq!(with("철학자 1", Josa::IGa), "철학자 1이");
        assert_eq!(with("잠금", Josa::EulReul), "잠금을");
        assert_eq!(with("exit code 1", Josa::EuroRo), "exit code 1로");
        assert_eq!(with("exit code 3", Josa::EuroRo), "exit code 3으로");
        assert_eq!(with("신호", Josa::EuroRo), "신호로");
        assert_eq!(with("join", Josa::EulReul), "join을");
        assert_eq!(with("Mutex", Josa::EulReul), "Mutex를");
    }
}
