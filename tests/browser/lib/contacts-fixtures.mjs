// Contacts files for the browser tests. Every value is made up and says so
// ("Test …", example.org, 700 000 00 0x numbers); none of it ever ships.

/** `updated_at` for a time `minutesAgo` before now, in the file's format. */
export function updatedAt(minutesAgo = 5) {
  return new Date(Date.now() - minutesAgo * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const trio = (kk, ru, en) => ({ kk, ru, en });

export const TEST_HOTLINE = {
  phone: '+7 700 000 00 01',
  label: trio('Тест жедел желісі', 'Тестовая горячая линия', 'Test hotline'),
};

/** A hotline and one Republican headquarters named "Test headquarters v{version}". */
export function basic(version = 1) {
  return {
    schema_version: 1,
    updated_at: updatedAt(5),
    hotline: TEST_HOTLINE,
    headquarters: [
      {
        id: 'test-republican',
        level: 'republican',
        name: trio(`Тест штабы v${version}`, `Тестовый штаб v${version}`, `Test headquarters v${version}`),
        city: trio('Тест қаласы', 'Тестовый город', 'Test City'),
        phones: ['+7 700 000 00 02'],
      },
    ],
  };
}

export const REGIONS = {
  pavlodar: trio('Павлодар облысы (тест)', 'Павлодарская область (тест)', 'Test Pavlodar Region'),
  akmola: trio('Ақмола облысы (тест)', 'Акмолинская область (тест)', 'Test Akmola Region'),
};

/**
 * Every level, regional headquarters in two regions (Pavlodar first in the
 * file, so the page has to sort), an entry with every field, and texts
 * missing in some languages.
 */
export function rich() {
  return {
    schema_version: 1,
    updated_at: updatedAt(5),
    hotline: TEST_HOTLINE,
    headquarters: [
      {
        id: 'test-district-ekibastuz',
        level: 'district',
        name: trio('Екібастұз аудандық тест штабы', 'Экибастузский районный тестовый штаб', 'Test Ekibastuz district headquarters'),
        region: REGIONS.pavlodar,
        city: trio('Екібастұз', 'Экибастуз', 'Ekibastuz'),
      },
      {
        id: 'test-regional-pavlodar',
        level: 'regional',
        name: trio('Павлодар облыстық тест штабы', 'Павлодарский областной тестовый штаб', 'Test Pavlodar regional headquarters'),
        region: REGIONS.pavlodar,
        city: trio('Павлодар', 'Павлодар', 'Pavlodar'),
        // Only in Russian: the kk and en pages show it marked lang="ru".
        hours: { ru: 'Пн–Пт 9:00–18:00 (тест)' },
      },
      {
        id: 'test-republican',
        level: 'republican',
        name: trio('Республикалық тест штабы', 'Республиканский тестовый штаб', 'Test republican headquarters'),
        city: trio('Алматы', 'Алматы', 'Almaty'),
        address: trio('Тест көшесі, 1', 'ул. Тестовая, 1', '1 Test Street'),
        phones: ['+7 (7172) 00-00-01', '8 700 000 00 02'],
        email: 'test-republican@example.org',
        hours: trio('Дс–Жм 9:00–18:00 (тест)', 'Пн–Пт 9:00–18:00 (тест)', 'Mon–Fri 9:00–18:00 (test)'),
        head: {
          name: trio('Тест Тестұлы', 'Тест Тестов', 'Test Testov'),
          role: trio('Штаб басшысы (тест)', 'Руководитель штаба (тест)', 'Head of staff (test)'),
        },
        website: 'https://example.org/test-republican',
        note: trio('Тест жазбасы.', 'Тестовая заметка.', 'Test note.'),
      },
      {
        id: 'test-regional-akmola',
        level: 'regional',
        name: trio('Ақмола облыстық тест штабы', 'Акмолинский областной тестовый штаб', 'Test Akmola regional headquarters'),
        region: REGIONS.akmola,
        city: trio('Көкшетау', 'Кокшетау', 'Kokshetau'),
      },
      {
        id: 'test-city-nur-sultan',
        level: 'city',
        // No Russian name: the ru page falls back to Kazakh.
        name: { kk: 'Нұр-Сұлтан қалалық тест штабы', en: 'Test Nur-Sultan city headquarters' },
        // Only in Kazakh, with Kazakh letters: found by «нур» typed in Russian.
        city: { kk: 'Нұр-Сұлтан' },
      },
    ],
  };
}

export const HOSTILE_NAME = '<script>window.__pwned=1</script>Test hostile headquarters';
export const HOSTILE_ADDRESS = '<img src=x onerror="window.__pwned=1">';

/** Markup in texts, and an entry whose website is a `javascript:` link. */
export function hostile() {
  return {
    schema_version: 1,
    updated_at: updatedAt(5),
    hotline: { phone: TEST_HOTLINE.phone, label: trio(HOSTILE_ADDRESS, HOSTILE_ADDRESS, HOSTILE_ADDRESS) },
    headquarters: [
      {
        id: 'test-hostile',
        level: 'republican',
        name: trio(HOSTILE_NAME, HOSTILE_NAME, HOSTILE_NAME),
        address: trio(HOSTILE_ADDRESS, HOSTILE_ADDRESS, HOSTILE_ADDRESS),
      },
      {
        id: 'test-javascript-link',
        level: 'regional',
        name: trio('Сілтемесі қате тест штабы', 'Тестовый штаб с плохой ссылкой', 'Test headquarters with a bad link'),
        website: 'javascript:window.__pwned=1',
      },
    ],
  };
}

export const TEST_PERIOD = trio('2019 жылғы тест науқаны', 'Тестовая кампания 2019 года', '2019 test campaign');

/**
 * A hotline and a headquarters of the past (the headquarters' period only in
 * Russian), and a current headquarters with a local and an international
 * number.
 */
export function historical() {
  return {
    schema_version: 1,
    updated_at: updatedAt(5),
    hotline: {
      phone: '+7 700 000 00 03',
      label: trio('Өткен тест жедел желісі', 'Прошлая тестовая горячая линия', 'Past test hotline'),
      historical: TEST_PERIOD,
    },
    headquarters: [
      {
        id: 'test-past',
        level: 'republican',
        name: trio('Өткен тест штабы', 'Прошлый тестовый штаб', 'Test past headquarters'),
        phones: ['00-00-04'],
        historical: { ru: TEST_PERIOD.ru },
      },
      {
        id: 'test-current',
        level: 'city',
        name: trio('Қазіргі тест штабы', 'Действующий тестовый штаб', 'Test current headquarters'),
        phones: ['00-00-05', '+7 700 000 00 06'],
      },
    ],
  };
}

/** Test regions for `many`: "Test region 1" … in each language. */
const manyRegion = (r) => trio(`Тест өңірі ${r}`, `Тестовый регион ${r}`, `Test region ${r}`);

/**
 * `count` headquarters (the federation at the scale of every district), each
 * with every field filled in three languages, spread over 17 regions and the
 * four levels; headquarters i is in the city "Testgrad i", so a typed city
 * finds a known few.
 */
export function many(count) {
  const levels = ['regional', 'city', 'district', 'district'];
  return {
    schema_version: 1,
    updated_at: updatedAt(5),
    hotline: TEST_HOTLINE,
    headquarters: Array.from({ length: count }, (_, i) => ({
      id: `test-many-${i}`,
      level: i === 0 ? 'republican' : levels[i % levels.length],
      name: trio(`Тест штабы № ${i}`, `Тестовый штаб № ${i}`, `Test headquarters no. ${i}`),
      ...(i === 0 ? {} : { region: manyRegion(1 + (i % 17)) }),
      city: trio(`Тестград ${i}`, `Тестград ${i}`, `Testgrad ${i}`),
      address: trio(`Тест көшесі, ${i}-үй, 2-қабат`, `ул. Тестовая, д. ${i}, 2-й этаж`, `${i} Test Street, 2nd floor`),
      phones: [`+7 (7182) 00-${String(i % 100).padStart(2, '0')}-0${i % 10}`, `8 700 000 0${i % 10} 0${(i + 1) % 10}`],
      email: `test-many-${i}@example.org`,
      hours: trio('Дс–Жм 9:00–18:00 (тест)', 'Пн–Пт 9:00–18:00 (тест)', 'Mon–Fri 9:00–18:00 (test)'),
      head: {
        name: trio('Тест Тестұлы', 'Тест Тестов', 'Test Testov'),
        role: trio('Штаб басшысы (тест)', 'Руководитель штаба (тест)', 'Head of staff (test)'),
      },
      website: `https://example.org/test-many-${i}`,
      note: trio('Алдын ала жазылу бойынша қабылдау (тест).', 'Приём по предварительной записи (тест).', 'Visits by appointment (test).'),
    })),
  };
}
