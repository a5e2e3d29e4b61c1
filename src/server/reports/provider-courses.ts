import type { CourseManifest, LocalizedText } from '../../domain/course-manifest.ts';
import type { ServerConfig } from '../config.ts';
import type { ProviderRecord } from '../providers/provider-directory.ts';

export interface CourseListing {
  id: string;
  title: LocalizedText;
  lessons: { id: string; title: LocalizedText; durationSeconds: number }[];
  durationSeconds: number;
}

export function listing(course: CourseManifest): CourseListing {
  return {
    id: course.id,
    title: course.title,
    lessons: course.lessons.map(({ id, title, durationSeconds }) => ({
      id,
      title,
      durationSeconds,
    })),
    durationSeconds: course.lessons.reduce((sum, lesson) => sum + lesson.durationSeconds, 0),
  };
}

/** The provider's own courses that this server has loaded, in id order. */
export function providerCourses(config: ServerConfig, provider: ProviderRecord): CourseListing[] {
  return [...provider.courseIds].sort().flatMap((id) => {
    const course = config.courses.get(id);
    return course ? [listing(course)] : [];
  });
}

/** The course, if the provider publishes it; otherwise undefined (answered as unknown). */
export function scopedCourse(
  config: ServerConfig,
  provider: ProviderRecord,
  courseId: string,
): CourseManifest | undefined {
  return provider.courseIds.includes(courseId) ? config.courses.get(courseId) : undefined;
}
