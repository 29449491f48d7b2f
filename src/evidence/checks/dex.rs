//! The class names defined in a DEX file (Android's Dalvik executable): header →
//! `class_defs` → `type_ids` → `string_ids` → string data, every offset checked against the
//! file's length. Format: https://source.android.com/docs/core/runtime/dex-format.

/// Why a DEX file could not be read; says what and at which offset.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct DexError(pub String);

const HEADER_SIZE: usize = 0x70;
const ENDIAN_CONSTANT: u32 = 0x1234_5678;

fn u32_at(data: &[u8], offset: usize, what: &str) -> Result<u32, DexError> {
    let bytes = offset
        .checked_add(4)
        .and_then(|end| data.get(offset..end))
        .ok_or_else(|| {
            DexError(format!(
                "{what} at offset {offset:#x} is past the end of the file ({} bytes)",
                data.len()
            ))
        })?;
    Ok(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

/// A table of `count` items of `size` bytes at `offset`, checked to fit in the file.
fn table(
    data: &[u8],
    count: u32,
    offset: u32,
    size: usize,
    what: &str,
) -> Result<(usize, usize), DexError> {
    let (count, offset) = (count as usize, offset as usize);
    let end = count
        .checked_mul(size)
        .and_then(|len| len.checked_add(offset))
        .filter(|end| *end <= data.len());
    match end {
        Some(_) => Ok((count, offset)),
        None => Err(DexError(format!(
            "{what} ({count} items at offset {offset:#x}) does not fit in the file ({} bytes)",
            data.len()
        ))),
    }
}

fn uleb128(data: &[u8], mut offset: usize) -> Result<(u32, usize), DexError> {
    let mut result: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *data.get(offset).ok_or_else(|| {
            DexError(format!(
                "a string length at offset {offset:#x} is past the end of the file"
            ))
        })?;
        offset += 1;
        result |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((result, offset));
        }
    }
    Err(DexError(format!(
        "a string length at offset {offset:#x} is longer than 5 bytes"
    )))
}

/// The string number `index` of the file (MUTF-8, read as UTF-8 with replacement).
fn string(data: &[u8], string_ids: (usize, usize), index: u32) -> Result<String, DexError> {
    let (count, offset) = string_ids;
    if index as usize >= count {
        return Err(DexError(format!(
            "string index {index} is out of range ({count} strings)"
        )));
    }
    let data_off = u32_at(data, offset + 4 * index as usize, "a string id")? as usize;
    let (_utf16_len, start) = uleb128(data, data_off)?;
    let rest = data.get(start..).ok_or_else(|| {
        DexError(format!(
            "string {index} at offset {start:#x} is past the end of the file"
        ))
    })?;
    let end = rest.iter().position(|b| *b == 0).ok_or_else(|| {
        DexError(format!(
            "string {index} at offset {start:#x} has no terminating zero"
        ))
    })?;
    Ok(String::from_utf8_lossy(&rest[..end]).into_owned())
}

/// Dotted names (`com.example.Foo`) of the classes the file defines.
pub fn class_names(data: &[u8]) -> Result<Vec<String>, DexError> {
    if data.len() < HEADER_SIZE {
        return Err(DexError(format!(
            "{} bytes is shorter than a DEX header ({HEADER_SIZE} bytes)",
            data.len()
        )));
    }
    if &data[0..4] != b"dex\n" || data[7] != 0 {
        return Err(DexError(
            "no DEX magic number (`dex\\n0NN\\0`) at offset 0".to_owned(),
        ));
    }
    let endian = u32_at(data, 0x28, "the endian tag")?;
    if endian != ENDIAN_CONSTANT {
        return Err(DexError(format!(
            "endian tag {endian:#x} at offset 0x28 is not the little-endian constant"
        )));
    }
    let string_ids = table(
        data,
        u32_at(data, 0x38, "string_ids_size")?,
        u32_at(data, 0x3c, "string_ids_off")?,
        4,
        "string_ids",
    )?;
    let type_ids = table(
        data,
        u32_at(data, 0x40, "type_ids_size")?,
        u32_at(data, 0x44, "type_ids_off")?,
        4,
        "type_ids",
    )?;
    let class_defs = table(
        data,
        u32_at(data, 0x60, "class_defs_size")?,
        u32_at(data, 0x64, "class_defs_off")?,
        32,
        "class_defs",
    )?;
    let mut names = Vec::with_capacity(class_defs.0);
    for i in 0..class_defs.0 {
        let class_idx = u32_at(data, class_defs.1 + 32 * i, "a class_def")?;
        if class_idx as usize >= type_ids.0 {
            return Err(DexError(format!(
                "class {i} names type {class_idx}, out of range ({} types)",
                type_ids.0
            )));
        }
        let descriptor_idx = u32_at(data, type_ids.1 + 4 * class_idx as usize, "a type id")?;
        let descriptor = string(data, string_ids, descriptor_idx)?;
        if let Some(name) = descriptor
            .strip_prefix('L')
            .and_then(|d| d.strip_suffix(';'))
        {
            names.push(name.replace('/', "."));
        }
    }
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_or_foreign_files_are_refused_with_a_reason() {
        assert!(
            class_names(b"PK\x03\x04")
                .expect_err("short")
                .0
                .contains("shorter than a DEX header")
        );
        let mut not_dex = vec![0u8; 0x70];
        not_dex[..4].copy_from_slice(b"MZ\0\0");
        assert!(
            class_names(&not_dex)
                .expect_err("magic")
                .0
                .contains("magic")
        );
    }

    #[test]
    fn tables_past_the_end_are_located_errors_not_panics() {
        let mut dex = vec![0u8; 0x70];
        dex[..8].copy_from_slice(b"dex\n035\0");
        dex[0x28..0x2c].copy_from_slice(&ENDIAN_CONSTANT.to_le_bytes());
        dex[0x60..0x64].copy_from_slice(&1000u32.to_le_bytes());
        dex[0x64..0x68].copy_from_slice(&0x70u32.to_le_bytes());
        let err = class_names(&dex).expect_err("class_defs past the end");
        assert!(
            err.0.contains("class_defs (1000 items at offset 0x70)"),
            "{err}"
        );
        // Huge counts do not overflow.
        dex[0x60..0x64].copy_from_slice(&u32::MAX.to_le_bytes());
        dex[0x64..0x68].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(class_names(&dex).is_err());
    }
}
